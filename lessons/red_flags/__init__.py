"""The red flags: the one urgency ladder and the signs (data), the triage that judges them, its
ladder diagram, the explorer and the boxes lessons show."""
