from assessment.cohort import summarise_file

summary = summarise_file("links.txt")
summary
