"""Language codes and names, detection."""
