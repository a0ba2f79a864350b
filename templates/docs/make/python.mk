# {{name}} ({{stack}})
test-{{name}}: ## Test {{name}}
	cd {{dir}} && python3 -m pip install -r requirements-dev.txt && python3 -m pytest

build-{{name}}: ## Compile {{name}}
	cd {{dir}} && python3 -m compileall -q app

lint-{{name}}: ## Compile {{name}} (syntax check)
	cd {{dir}} && python3 -m compileall -q app

docker-{{name}}: ## Build the image of {{name}}
	docker build --tag {{image}} {{dir}}

run-{{name}}: ## Run {{name}} locally (needs its infrastructure running)
	cd {{dir}} && python3 -m pip install -r requirements.txt && python3 -m app
