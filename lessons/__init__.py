"""The models, diagrams, widgets and quizzes behind the knee-hip and sciatica course."""
