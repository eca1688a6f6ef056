"""Stories: grouping, ranking and categorising articles."""
