"""Requests Guichet refuses: to hurt, to defraud, to get someone else's data, to exploit people,
or to change its rules."""
