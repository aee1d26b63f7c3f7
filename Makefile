# IEG Workbench: two commands do everything.
#   make run   virtualenv, install, migrate, demo data, web + Celery worker + beat on http://127.0.0.1:8000
#   make test  the whole test suite (PostgreSQL/Redis when DATABASE_URL/REDIS_URL are set)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export DEBUG ?= 1

.PHONY: run test bench venv install install-dev migrate demo lint check-deploy security messages clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo

# Web server, Celery worker and beat together (core/management/commands/run_all.py); Ctrl-C stops all three
# within seconds. Links in emails and iCal feeds follow PORT unless SITE_URL is set.
run: export SITE_URL ?= http://127.0.0.1:$(PORT)
run: migrate
	@$(BIN)/python manage.py load_demo --no-account-list
	@exec $(BIN)/python manage.py run_all --port $(PORT)

# The suite in three steps (conftest.py, --serial): first the tests that may run side by side, in TEST_PROCESSES
# processes (pytest-xdist); then the browser tests, also side by side (each process has its own live server, test
# database, Redis database and Chromium); then the integration tests one at a time (a real worker on REDIS_URL's
# database). PYTEST_ARGS go to every step, after the step's own -m (the last -m wins); a step they leave empty
# (pytest's exit status 5) is no failure unless all are. Every step runs; any failing fails.
TEST_PROCESSES ?= 2
test: install-dev
	@status=5; \
	for step in "-n $(TEST_PROCESSES) --serial=skip" "-n $(TEST_PROCESSES) --serial=only -m browser" \
		"--serial=only -m integration"; do \
		echo "DEBUG=0 $(BIN)/python -m pytest $$step $(PYTEST_ARGS)"; \
		DEBUG=0 $(BIN)/python -m pytest $$step $(PYTEST_ARGS); rc=$$?; \
		if [ $$rc -ne 5 ] && { [ $$status -eq 0 ] || [ $$status -eq 5 ]; }; then status=$$rc; fi; \
	done; \
	exit $$status

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Production settings must pass Django's deployment checklist.
check-deploy: install
	DEBUG=0 SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
	ALLOWED_HOSTS=ieg.example.org $(BIN)/python manage.py check --deploy --fail-level WARNING

security: install-dev
	$(BIN)/bandit -q -r accounts approvals core countries demo documents iegwps meetings notifications public recommendations \
		-x '*/tests/*,*/migrations/*' --severity-level high
	@# pip-audit says "No known vulnerabilities" even when it could not reach its service and audited nothing: the
	@# gate fails then, unless PIP_AUDIT_OFFLINE=1 says the service is unreachable on purpose (it says so in one line).
	$(BIN)/python tools/pip_audit_gate.py -r requirements.txt

# The translation catalogues (locale/<lang>/LC_MESSAGES/django.po), then their compiled .mo files, which are
# committed: a machine without gettext still serves every language (core/tests/test_translations.py checks them).
messages: install
	DEBUG=1 $(BIN)/python manage.py makemessages -l fr -l es --no-location --no-obsolete --ignore=.venv --ignore=bench --ignore=e2e --ignore=var --ignore=docs --ignore='*/tests/*'
	DEBUG=1 $(BIN)/python manage.py compilemessages --ignore=.venv

bench: install-dev
	DEBUG=0 $(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) var staticfiles
