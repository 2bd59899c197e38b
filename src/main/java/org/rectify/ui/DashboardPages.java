package org.rectify.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.rectify.common.Zones;
import org.rectify.dashboard.Dashboard;
import org.rectify.dashboard.Dashboards;
import org.rectify.dashboard.Figure;
import org.rectify.dashboard.FigureFilter;
import org.rectify.dashboard.LedgerFilter;
import org.rectify.org.CurrentActor;
import org.rectify.problem.Severity;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The dashboard page: the figures, breakdowns, ranking and trend of {@link Dashboards}, as tables with
 * charts beside them; every number links to the ledger filtered to exactly its rows.
 */
@Controller
class DashboardPages {

    private final Dashboards dashboards;
    private final ProblemChoices choices;
    private final CurrentActor current;
    private final Clock clock;

    DashboardPages(Dashboards dashboards, ProblemChoices choices, CurrentActor current, Clock clock) {
        this.dashboards = dashboards;
        this.choices = choices;
        this.current = current;
        this.clock = clock;
    }

    /**
     * The page's query: the day (none: today), the period (week, month, quarter or custom from a day) and
     * the filters, named as on the ledger page.
     */
    record DashboardQuery(
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            String period,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            Long unit,
            Long round,
            String source,
            String category,
            String severity) {

        DashboardQuery {
            period = period == null || period.isBlank() ? "week" : period;
        }

        FigureFilter filter(LocalDate today) {
            LocalDate end = asOf == null ? today : asOf;
            LocalDate start = switch (period) {
                case "month" -> end.minusMonths(1).plusDays(1);
                case "quarter" -> end.minusMonths(3).plusDays(1);
                case "custom" -> from;
                default -> end.minusDays(6);
            };
            return new FigureFilter(asOf, start, unit, round, blank(source), blank(category), blank(severity));
        }

        /** This dashboard at another day, e.g. the week before, with the same period. */
        public String at(LocalDate day) {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath("/dashboard")
                    .queryParam("asOf", day)
                    .queryParam("period", period);
            if ("custom".equals(period) && from != null && asOf != null) {
                b.queryParam("from", from.minusDays(asOf.toEpochDay() - day.toEpochDay()));
            }
            return others(b).build().encode().toUriString();
        }

        /** This dashboard for another unit (a line of the unit table). */
        public String forUnit(String unitId) {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath("/dashboard").queryParam("period", period);
            if (asOf != null) {
                b.queryParam("asOf", asOf);
            }
            if (from != null) {
                b.queryParam("from", from);
            }
            return others(b).replaceQueryParam("unit", unitId).build().encode().toUriString();
        }

        private UriComponentsBuilder others(UriComponentsBuilder b) {
            if (unit != null) {
                b.queryParam("unit", unit);
            }
            if (round != null) {
                b.queryParam("round", round);
            }
            for (String[] p : new String[][] {{"source", source}, {"category", category}, {"severity", severity}}) {
                if (p[1] != null && !p[1].isBlank()) {
                    b.queryParam(p[0], p[1]);
                }
            }
            return b;
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }

    /** The drill-down links of the page: the ledger of a line's rows that one figure counts. */
    static final class Links {

        /** The ledger page of the rows behind {@code figure} on the line with this filter. */
        public String of(LedgerFilter f, String figure) {
            Figure fig = Figure.valueOf(figure);
            UriComponentsBuilder b = UriComponentsBuilder.fromPath("/ledger")
                    .queryParam("kind", fig.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .queryParam("figure", fig.name());
            param(b, "round", f.roundId());
            param(b, "unit", f.leadUnitId());
            param(b, "unitOnly", f.leadUnitOnly() ? true : null);
            param(b, "source", f.sourceType());
            param(b, "category", f.categoryCode());
            param(b, "severity", f.severity());
            param(b, "asOf", f.asOf());
            param(b, "from", fig.periodic() ? f.from() : null);
            param(b, "at", f.at());
            return b.build().encode().toUriString();
        }

        private static void param(UriComponentsBuilder b, String name, Object value) {
            if (value != null) {
                b.queryParam(name, value);
            }
        }
    }

    /** A report of the same figures ({@code ui.DashboardFiles}), its filter named as the API names it. */
    private static String file(String path, FigureFilter f) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        Object[][] params = {
            {"asOf", f.asOf()},
            {"from", f.from()},
            {"unitId", f.unitId()},
            {"roundId", f.roundId()},
            {"sourceType", f.sourceType()},
            {"categoryCode", f.categoryCode()},
            {"severity", f.severity()}
        };
        for (Object[] p : params) {
            if (p[1] != null) {
                b.queryParam((String) p[0], p[1]);
            }
        }
        return b.build().encode().toUriString();
    }

    @GetMapping("/dashboard")
    String dashboard(@ModelAttribute("query") DashboardQuery query, Model model) {
        LocalDate today = Zones.today(clock);
        FigureFilter filter = query.filter(today);
        Dashboard dashboard = dashboards.dashboard(filter);
        model.addAttribute("reportPdf", file("/dashboard/report.pdf", filter));
        model.addAttribute("reportDocx", file("/dashboard/progress.docx", filter));
        model.addAttribute("dashboard", dashboard);
        model.addAttribute(
                "takenAt",
                dashboard.takenAt() == null
                        ? null
                        : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                                .format(dashboard.takenAt().atZone(org.rectify.common.Zones.CHINA)));
        model.addAttribute("links", new Links());
        model.addAttribute("today", today);
        model.addAttribute("weekBefore", query.at(dashboard.asOf().minusDays(7)));
        model.addAttribute("units", choices.unitsInScope(current.get()));
        model.addAttribute("rounds", choices.rounds());
        model.addAttribute("sources", choices.sources());
        model.addAttribute("categories", choices.categories(false));
        model.addAttribute("severities", Severity.values());
        model.addAttribute("periods", List.of("week", "month", "quarter", "custom"));
        return "dashboard/index";
    }
}
