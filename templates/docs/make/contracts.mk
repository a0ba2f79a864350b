test-contracts: ## Compile and test the event contracts package
	cd contracts/events && npm install --no-audit --no-fund && npm test
