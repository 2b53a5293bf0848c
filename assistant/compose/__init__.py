"""Writing what Guichet says: answers from the sources, handoffs, emergency messages."""
