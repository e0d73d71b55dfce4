# netmap: `make demo` (lab up, scan, deliverables in output/) and `make test` do all the set-up.
SHELL := /bin/bash
APT_PKGS := iproute2 nmap graphviz snmp snmpd lldpd arp-scan openssh-server nginx-light \
            tcpdump rsync iputils-ping procps util-linux python3-venv time samba
# ipptool, CUPS's IPP client: the lab tests check that the lab's printers speak IPP as CUPS reads it
APT_PKGS += cups-ipp-utils
# The programs the deliverables are opened with in the tests: LibreOffice Draw and Calc,
# poppler (PDF text and page sizes) and Chromium with its WebDriver.
APT_PKGS += libreoffice-draw-nogui libreoffice-calc-nogui poppler-utils chromium chromium-driver
# npm installs mxGraph, draw.io's drawing engine, for the tests that lay the .drawio file out
# as draw.io does (Debian's npm only where the machine has none: a Node.js of its own has one).
APT_PKGS += $(if $(shell command -v npm),,nodejs npm)
MXGRAPH := tests/render/mxgraph
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install apt venv js demo test bench lint clean lab-up lab-down print-apt

install: apt venv

print-apt:
	@echo $(APT_PKGS)

# Installs only what is missing; apt must start no daemon in the root namespace (policy-rc.d).
apt:
	@missing=$$(for p in $(APT_PKGS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
	    | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	    if [ "$$(id -u)" != 0 ]; then echo "make install: run as root to install: $$missing"; exit 2; fi; \
	    echo "installing: $$missing"; \
	    [ -e /usr/sbin/policy-rc.d ] || { printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; }; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

venv: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

demo: install
	$(VENV)/bin/netmap demo

js: $(MXGRAPH)/node_modules/.package-lock.json

$(MXGRAPH)/node_modules/.package-lock.json: $(MXGRAPH)/package-lock.json
	npm ci --prefix $(MXGRAPH) --no-audit --no-fund --loglevel=error

test: install js
	$(VENV)/bin/pytest -q -ra

bench: install
	$(PY) -m pip install -q -e '.[dev,bench]'
	$(PY) bench/run_all.py

lint: venv
	$(VENV)/bin/ruff check netmap tests bench tools
	$(VENV)/bin/mypy netmap tools

lab-up: install
	$(VENV)/bin/netmap lab up

lab-down: venv
	$(VENV)/bin/netmap lab down

clean:
	-@test -x $(VENV)/bin/netmap && $(VENV)/bin/netmap lab down
	find output -mindepth 1 -not -name .gitignore -delete 2>/dev/null || true
	rm -rf .pytest_cache .mypy_cache .ruff_cache build *.egg-info $(MXGRAPH)/node_modules
