package org.relais.reports.campaign;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The layout of {@code campaign_targets.csv} ({@code relais.report.campaign.format}). */
public enum CampaignFormat {

    /** Loads as a NationBuilder people import: its documented standard import fields. */
    NATIONBUILDER("nationbuilder"),
    /** A plain CRM file: {@code id,platform,handle,name,profile_url,rank,relais_score,pagerank,community,tags}. */
    GENERIC("generic");

    private final String code;

    CampaignFormat(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The format called {@code code}, or null when there is none. */
    public static CampaignFormat byCode(String code) {
        for (CampaignFormat f : values()) {
            if (f.code.equals(code.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        return null;
    }

    /** "nationbuilder, generic", for error messages. */
    public static String codes() {
        return Arrays.stream(values()).map(CampaignFormat::code).collect(Collectors.joining(", "));
    }
}
