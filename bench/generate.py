"""Synthetic province corpus for the benchmark: 三定 provisions and lists in the real formats, with ground truth.

    python -m bench.generate --duties 100000 --out bench/corpus-100k [--seed 7]

A province of cities, counties and townships; every city and county has the same lines of work (sectors),
each department a 三定 in the 2018+ article style (main duties, offices with their clauses, staffing,
职责分工), every city a 监管事项目录 and a 职责边界清单 as CSV. Duty texts are built from a vocabulary of
domains, objects and actions, worded in several ways. Planted, and written to `truth.json`:
- `same_work`: pairs of duties of two departments of one region that describe the same work in other words;
- `unclaimed`: supervision items no department claimed;
- `two_leads`: matters a boundary list gives two leads.
The size is the number of duty clauses (main duties plus office clauses). Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from pathlib import Path

# sector → (department base name, objects of its work)
SECTORS: dict[str, tuple[str, tuple[str, ...]]] = {
    "市场监管": ("市场监督管理局", ("食品生产经营", "特种设备", "计量器具", "产品质量", "广告发布", "网络交易", "药品零售", "价格行为",
                           "知识产权", "市场主体登记", "认证认可", "标准化", "消费者权益", "食用农产品销售", "化妆品经营")),
    "城市管理": ("城市管理和综合执法局", ("市容环境卫生", "建筑垃圾处置", "户外广告设施", "城市照明设施", "市政道路设施", "园林绿化",
                              "占道经营", "生活垃圾分类", "城市排水设施", "公共停车设施", "违法建设", "数字化城管平台")),
    "交通运输": ("交通运输局", ("道路客运", "道路货运", "出租汽车", "网约车平台", "农村公路养护", "公路路政", "超限超载运输",
                          "城市公交", "驾驶员培训", "机动车维修", "港口航道", "交通建设工程质量")),
    "生态环境": ("生态环境局", ("大气污染防治", "水污染防治", "土壤污染防治", "固体废物", "危险废物", "建设项目环评", "排污许可",
                          "生态保护修复", "机动车排放检验", "噪声污染防治", "辐射安全", "农村生活污水")),
    "住房城乡建设": ("住房和城乡建设局", ("建筑市场", "建筑施工安全", "工程质量", "房地产开发", "物业管理", "住房保障", "城镇燃气",
                               "城市供水", "建筑节能", "老旧小区改造", "房屋安全", "工程招标投标")),
    "农业农村": ("农业农村局", ("农产品质量安全", "农业投入品", "动物防疫", "畜禽屠宰", "高标准农田", "农村宅基地", "农业机械",
                          "种子管理", "渔业资源", "农村集体资产", "耕地质量", "乡村产业")),
    "卫生健康": ("卫生健康委员会", ("医疗机构", "公共卫生", "传染病防控", "职业卫生", "妇幼健康", "计划生育", "医疗废物",
                             "生活饮用水卫生", "公共场所卫生", "血液管理", "中医药", "老年健康")),
    "应急管理": ("应急管理局", ("安全生产综合监管", "危险化学品", "烟花爆竹", "工贸行业安全", "应急预案", "应急救援", "防汛抗旱",
                          "森林防火", "地震灾害", "自然灾害救助", "事故调查", "救灾物资")),
    "自然资源": ("自然资源和规划局", ("国土空间规划", "耕地保护", "不动产登记", "土地供应", "矿产资源", "地质灾害防治",
                               "测绘地理信息", "林业资源", "自然保护地", "建设用地审批", "违法用地", "生态修复")),
    "文化旅游": ("文化广电旅游体育局", ("文化市场", "旅游市场", "文物保护", "非物质文化遗产", "广播电视", "公共文化服务",
                              "体育场馆", "全民健身", "旅行社", "A级旅游景区", "演出活动", "网吧经营")),
    "人力社保": ("人力资源和社会保障局", ("就业服务", "社会保险", "劳动保障监察", "劳动关系", "职业技能培训", "人才引进",
                               "工资支付", "劳动人事争议", "事业单位人事", "工伤保险", "养老保险", "失业保险")),
    "水务": ("水务局", ("水资源管理", "取水许可", "河道采砂", "河湖管理", "水土保持", "水利工程", "农田水利", "防洪排涝",
                     "节约用水", "供水安全", "入河排污口", "水行政执法")),
}
ACTIONS = (
    ("监督管理", "负责{o}的监督管理", "承担{o}监管工作", "对{o}实施监督管理"),
    ("行政许可", "负责{o}相关行政许可", "办理{o}许可事项", "依法实施{o}审批"),
    ("监督检查", "组织开展{o}监督检查", "负责{o}的日常检查", "对{o}进行检查督导"),
    ("规划编制", "拟订{o}发展规划", "组织编制{o}专项规划", "负责{o}规划的编制"),
    ("执法查处", "依法查处{o}违法行为", "负责{o}领域行政执法", "查处违反{o}管理规定的行为"),
    ("统计分析", "负责{o}统计分析", "承担{o}信息统计和发布", "组织{o}数据统计"),
)
DETAILS = ("建立健全相关制度并组织实施。", "督促有关单位落实主体责任。", "指导县（区）开展相关工作。", "组织开展专项整治行动。",
           "完善信息共享和通报机制。", "依法受理投诉举报。", "推进信用监管和智慧监管。", "组织开展宣传培训。")
BOILERPLATE_OFFICE = "负责机关日常运转，承担文电、会务、机要、档案、信息、保密和政务公开工作"
CITY_NAMES = "东西南北中"
SURNAMES = "安宁长丰和平永昌兴盛德清宝华明秀文瑞泰康"  # 20 different characters: they name the cities


def _regions(duties: int) -> list[tuple[str, ...]]:
    """Cities and counties enough for the target: every region has every sector (≈ 12 × 40 clauses)."""
    per_region = len(SECTORS) * 40
    regions_needed = max(2, duties // per_region)
    regions: list[tuple[str, ...]] = []
    city_index = 0
    while len(regions) < regions_needed:
        city = _city_name(city_index)
        city_index += 1
        regions.append((city,))
        for county_index in range(min(8, regions_needed - len(regions))):
            suffix = "县" if county_index % 2 else "区"
            regions.append((city, f"{SURNAMES[(city_index + county_index) % len(SURNAMES)]}"
                                  f"{'甲乙丙丁戊己庚辛'[county_index]}{suffix}"))
    regions = regions[:regions_needed]
    if len(set(regions)) != len(regions):
        raise ValueError("two regions of the corpus would have the same name (and the same files)")
    return regions


def _city_name(index: int) -> str:
    """安东市, 宁东市 … (the first 100), then 安宁东市 …: a second character keeps 2,000 cities apart, enough for
    the 1M corpus (≈ 230 cities), and the first hundred keep the names the smaller corpora always had."""
    first = SURNAMES[index % len(SURNAMES)]
    cycle = len(SURNAMES) * len(CITY_NAMES)
    second = SURNAMES[index // cycle - 1] if index >= cycle else ""
    if index >= cycle * (len(SURNAMES) + 1):
        raise ValueError(f"more than {cycle * (len(SURNAMES) + 1)} cities: too many for distinct names")
    return f"{first}{second}{CITY_NAMES[(index // len(SURNAMES)) % len(CITY_NAMES)]}市"


def _chinese(number: int) -> str:
    digits = "零一二三四五六七八九"
    tens, ones = divmod(number, 10)
    if not tens:
        return digits[ones]
    return f"{digits[tens] if tens > 1 else ''}十{digits[ones] if ones else ''}"


def _duty_text(obj: str, action: int, variant: int, scope: str, rng: random.Random) -> str:
    template = ACTIONS[action][1 + variant % 3]
    return f"{template.format(o=obj)}，覆盖{scope}范围。{rng.choice(DETAILS)}"


def generate(duties: int, out: Path, seed: int = 7) -> dict[str, object]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    (out / "sanding").mkdir(exist_ok=True)
    (out / "lists").mkdir(exist_ok=True)
    truth: dict[str, list[object]] = {"same_work": [], "unclaimed": [], "two_leads": []}
    written = 0
    sector_names = list(SECTORS)
    for region in _regions(duties):
        level = "市" if len(region) == 1 else region[-1][-1]
        scope = "全市" if level == "市" else ("全县" if level == "县" else "全区")
        full = "".join(region)
        # Each region's departments take the objects of their sector; a few borrow one from a neighbour sector
        # and word it their own way: the planted same-work pairs.
        borrowed: dict[str, list[tuple[str, int]]] = {name: [] for name in sector_names}
        for _ in range(2):
            giver, taker = rng.sample(sector_names, 2)
            position = rng.randrange(len(SECTORS[giver][1]))
            obj = SECTORS[giver][1][position]
            action = position % len(ACTIONS)  # the giver's own duty on this object does this same action
            borrowed[taker].append((obj, action))
            truth["same_work"].append({"region": "/".join(region), "a": f"dept:{'/'.join(region)}/{SECTORS[giver][0]}",
                                       "b": f"dept:{'/'.join(region)}/{SECTORS[taker][0]}", "object": obj,
                                       "action": ACTIONS[action][0]})
        for sector in sector_names:
            base, objects = SECTORS[sector]
            name = f"{full}{base}"
            short = f"{level}{base}"
            lines = [f"{name}职能配置、内设机构和人员编制规定",
                     "第一条 根据机构改革方案，制定本规定。",
                     f"第二条 {short}是{level}政府工作部门，为正{'处' if level == '市' else '科'}级。",
                     f"第三条 {short}贯彻落实党中央决策部署。主要职责是："]
            duty_texts = []
            for index, obj in enumerate(objects):
                duty_texts.append(_duty_text(obj, index % len(ACTIONS), rng.randrange(3), scope, rng))
            for obj, action in borrowed[sector]:
                duty_texts.append(_duty_text(obj, action, rng.randrange(3) + 1, scope, rng))
            duty_texts.append(f"完成{level}委、{level}政府交办的其他任务。")
            lines += [f"（{_chinese(i + 1)}）{text}" for i, text in enumerate(duty_texts)]
            lines.append(f"第四条 {short}设下列内设机构：")
            lines.append(f"（一）办公室。{BOILERPLATE_OFFICE}。")
            office_clauses = 1
            groups = [objects[i:i + 3] for i in range(0, len(objects), 3)]
            for index, group in enumerate(groups, start=2):
                clauses = [ACTIONS[rng.randrange(len(ACTIONS))][1].format(o=obj) for obj in group for _ in range(2)]
                lines.append(f"（{_chinese(index)}）{group[0][:4]}科。{'；'.join(clauses)}。")
                office_clauses += len(set(clauses))  # an office saying one clause twice holds one duty
            lines.append(f"第五条 {short}机关行政编制{rng.randint(15, 60)}名。设局长1名，副局长{rng.randint(2, 4)}名；"
                         f"科级领导职数{len(groups) + 1}名。")
            lines.append("第六条 本规定自2021年1月1日起施行。")
            path = out / "sanding" / f"{'_'.join(region)}_{sector}.txt"
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            written += len(duty_texts) + office_clauses
        if len(region) == 1:
            _city_lists(out, region[0], rng, truth)
    manifest = {"duty_clauses": written, "seed": seed, "truth": truth}
    (out / "truth.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def _city_lists(out: Path, city: str, rng: random.Random, truth: dict[str, list[object]]) -> None:
    with (out / "lists" / f"{city}_监管事项目录.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["监管事项编码", "监管事项主项", "监管对象", "监管层级", "认领部门"])
        for index, (base, objects) in enumerate(SECTORS.values()):
            for position, obj in enumerate(objects[:4]):
                code = f"{city}-JG{index:02d}{position:02d}"
                claimed = not (index == 3 and position == 1)
                writer.writerow([code, f"对{obj}的监督检查", f"{obj}相关单位", "市级", f"{city}{base}" if claimed else ""])
                if not claimed:
                    truth["unclaimed"].append(code)
    with (out / "lists" / f"{city}_职责边界清单.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["序号", "管理事项", "牵头部门", "配合部门"])
        names = [base for base, _objects in SECTORS.values()]
        for index in range(10):
            a, b, c = rng.sample(names, 3)
            matter = f"{city}边界事项{index + 1}"
            leads = f"{city}{a}、{city}{b}" if index == 0 else f"{city}{a}"
            if index == 0:
                truth["two_leads"].append(matter)
            writer.writerow([index + 1, matter, leads, f"市{c}"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duties", type=int, default=10_000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    arguments = parser.parse_args()
    manifest = generate(arguments.duties, arguments.out, arguments.seed)
    print(f"wrote {manifest['duty_clauses']} duty clauses to {arguments.out}")


if __name__ == "__main__":
    main()
