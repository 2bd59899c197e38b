package org.rectify.dashboard;

/** The official reports drawn from a dashboard, with the file type each is delivered as. */
public enum ReportKind {
    /** 调度通报: the figures, ranking, charts and overdue list for the weekly dispatch meeting, as PDF. */
    DISPATCH("pdf", "application/pdf"),
    /** 进展情况报告: a progress report drafted from the figures for the office to complete, as Word. */
    PROGRESS("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final String extension;
    private final String mediaType;

    ReportKind(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }
}
