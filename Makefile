# Shortcuts for the commands the README documents.
.PHONY: install test serve build lint bench

install:
	pip install -e '.[test]'

test: install
	python -m pytest

serve:
	peerkg serve

build:
	peerkg build --out build/

lint:
	ruff check src tests bench

bench:
	python bench/bench_build.py
	python bench/bench_inference.py
	python bench/bench_store.py
