# {{comment}}
