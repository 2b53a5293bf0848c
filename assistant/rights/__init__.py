"""Rights a household may be entitled to: the questionnaire, its rules, and the related rights."""
