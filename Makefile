# BigTix developer commands. `make dev` runs everything; `make test` runs the tests.
SHELL := /bin/bash
export NEXT_TELEMETRY_DISABLED := 1


.PHONY: help install build dev dev-prod infra db broker stripe-mock mailpit test test-unit test-faults e2e lint typecheck format bench reconcile announce-users \
        check-deploy test-model dead-letters redrive images cluster-up cluster-dev cluster-down init stripe-dev clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

install: node_modules/.package-lock.json ## install dependencies (npm ci) when the lockfile changed

build: install ## compile every TypeScript workspace (services, packages, tools, cli)
	npm run build

db: ## build (once, cached) and start the dev database (FerretDB on PostgreSQL)
	bash tools/dev-db/ensure-dev-db.sh

broker: ## make sure RabbitMQ is running
	bash tools/broker/ensure-rabbitmq.sh

mailpit: ## build (once, cached) Mailpit, the local SMTP server whose web UI shows every email sent
	bash tools/mailpit/ensure-mailpit.sh >/dev/null

infra: db broker mailpit

dev: build infra ## run the whole system at http://localhost:3000 (Ctrl-C stops it)
	node tools/dev-runner/dist/dev.js

dev-prod: build infra ## same, with the production build of the web app (PWA service worker active)
	npm run build -w web
	WEB_MODE=production node tools/dev-runner/dist/dev.js

stripe-mock: ## build (once, cached) stripe-mock, which checks our Stripe calls against Stripe's OpenAPI
	bash tools/stripe-mock/ensure-stripe-mock.sh >/dev/null

test: install infra stripe-mock ## unit and integration tests against the real dev database and RabbitMQ
	npx jest --forceExit --ignoreProjects e2e/browser e2e/faults

test-model: install infra ## the model-based concurrency test of the purchase flow, thousands of runs (MODEL_RUNS, MODEL_SECONDS, MODEL_SEED)
	MODEL_RUNS=$${MODEL_RUNS:-5000} MODEL_SECONDS=$${MODEL_SECONDS:-900} npx jest --forceExit --selectProjects e2e/model

test-faults: build infra ## fault-injection tests (broker restarts, kill -9); run serially
	@# --forceExit: a test that fails mid-fault can leave a reconnect loop behind; CI must not hang on it.
	npx jest --runInBand --forceExit --selectProjects e2e/faults

e2e: build infra ## browser end-to-end tests in Debian's Chromium against the production web build
	npm run build -w web
	npx jest --runInBand --forceExit --selectProjects e2e/browser

reconcile: build ## compare the payments ledger with Stripe (balance transactions, transfers, refunds); exit 1 on any difference
	node services/payments/dist/commands/reconcile.js

announce-users: build ## write user.registered for every account that has none (once, after deploying notifications)
	node services/auth/dist/commands/announce-users.js

lint: install ## eslint + prettier
	npx eslint .
	npx prettier --check .

typecheck: install ## tsc over every workspace
	npm run typecheck

format: install
	npx prettier --write .

bench: build infra ## run every benchmark and rewrite docs/BENCHMARKS.md
	node bench/run-all.js

dead-letters: ## list the messages in every .dead queue (QUEUE=orders.tickets for one; RABBITMQ_URL picks the broker)
	node packages/middleware/dist/bin/dead-letters.js list $(QUEUE)

redrive: ## send dead letters back to their queue to be handled again (QUEUE=..., ID=<message id> for one); safe to repeat
	node packages/middleware/dist/bin/dead-letters.js redrive $(QUEUE) $(if $(ID),--id $(ID))

check-deploy: ## helm lint/template + manifest tests, actionlint, ansible syntax, Dockerfile rules
	bash deploy/check/check-deploy.sh

images: ## build every container image (needs docker)
	bash deploy/docker/build-images.sh

cluster-up: ## create the local kind cluster with ingress-nginx
	bash deploy/scripts/cluster-up.sh

cluster-dev: ## skaffold dev loop against the kind cluster
	bash deploy/scripts/cluster-dev.sh

cluster-down: ## delete the kind cluster
	bash deploy/scripts/cluster-down.sh

init: ## ask for keys and secrets, write the git-ignored files the cluster setup reads
	bash deploy/scripts/init.sh

stripe-dev: ## forward Stripe test-mode webhooks to the local stack (needs the Stripe CLI)
	bash deploy/scripts/stripe-dev.sh

clean: ## remove build output (keeps the cached dev database binary)
	rm -rf */dist */*/dist */*.tsbuildinfo */*/*.tsbuildinfo web/.next .artifacts
	bash tools/dev-db/stop-dev-db.sh
