"""Ingest: read documents, parse 三定 provisions and duty lists, segment with jieba, resolve names, load."""
