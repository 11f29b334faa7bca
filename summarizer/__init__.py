"""Article -> extractive summary made with sumy."""
