package com.homeworkapi.scoring;

/** Who rated the quality of a piece of homework; the two are reported apart. */
public enum QualityRater { CLIENT, CLINICIAN }
