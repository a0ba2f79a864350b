up: ## Start everything with Docker Compose
	docker compose up -d --build

down: ## Stop everything (data volumes are kept)
	docker compose down

logs: ## Follow the logs of every container
	docker compose logs -f
