"""The document kinds `ingest --kind` takes (on their own, so that the command line's help needs no parser)."""

# Each kind's Chinese title: what the files call themselves, and what an error lists beside the English value.
KIND_TITLES = {
    "auto": "自动识别",
    "sanding": "三定规定",
    "power": "权责清单",
    "boundary": "职责边界清单",
    "supervision": "监管事项目录",
    "split": "市县事权划分清单",
    "territorial": "乡镇（街道）属地管理事项责任清单",
    "township": "乡镇（街道）履行职责事项清单",
    "county_township": "县乡事权划分清单",
    "headcount": "机构编制实名制统计表",
    "safety_committee": "安委会成员单位安全生产工作职责",
}
KINDS = tuple(KIND_TITLES)
