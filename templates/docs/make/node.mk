# {{name}} ({{stack}})
test-{{name}}: ## Test {{name}}
	cd {{dir}} && npm install --no-audit --no-fund && npm test

build-{{name}}: ## Build {{name}}
	cd {{dir}} && npm install --no-audit --no-fund && npm run build

lint-{{name}}: ## Type-check {{name}}
	cd {{dir}} && npm install --no-audit --no-fund && npm run typecheck

docker-{{name}}: ## Build the image of {{name}}
	docker build --tag {{image}} {{dir}}

run-{{name}}: ## Run {{name}} locally (needs its infrastructure running)
	cd {{dir}} && npm install --no-audit --no-fund && npm run build && npm start
