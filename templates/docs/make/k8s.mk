k8s-apply: ## Apply the Kubernetes manifests (kustomization in k8s/)
	kubectl apply -k k8s/

k8s-delete: ## Delete what k8s-apply created
	kubectl delete -k k8s/
