package org.rectify.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The org tree of a national deployment for {@link ScaleData}: the nation, provinces, cities and
 * counties (regions), and in every county departments and townships with two villages each; an office
 * and a leader for the nation, every province and every county, a head and a case officer for every
 * department and township; a few inspection rounds per county over the last two years. Ids are given
 * here, so paths are known without reading anything back. Codes and user names:
 * {@code nation, p01, p01c01, c0001, c0001-fpj, c0001-cgz, c0001-cgz-v1}; {@code office.nation,
 * leader.p01, office.c0001, head.c0001-fpj, staff.c0001-fpj}. Every password is {@code demo1234}.
 */
final class ScaleOrg {

    /** The departments of a county (codes of the demo county's). */
    static final String[][] DEPARTMENTS = {
        {"fpj", "扶贫开发局"},
        {"czj", "财政局"},
        {"jyj", "教育局"},
        {"wjw", "卫生健康委员会"},
        {"mzj", "民政局"},
        {"zjj", "住房和城乡建设局"},
        {"nyj", "农业农村局"},
        {"slj", "水利局"},
        {"jtj", "交通运输局"},
        {"zrj", "自然资源和规划局"},
        {"rsj", "人力资源和社会保障局"},
        {"sthj", "生态环境分局"}
    };

    static final String[][] TOWNSHIPS = {
        {"cgz", "城关镇"}, {"dlz", "东岭镇"}, {"xxz", "西溪镇"}, {"nhz", "南湖镇"}, {"bsz", "北山镇"}, {"qhz", "清河镇"}
    };
    /** Sources of the rounds, the self-inspection about one round in six. */
    static final String[] SOURCES = {
        "INSPECTION_TOUR",
        "LOOK_BACK",
        "SUPERVISION",
        "SELF_INSPECTION",
        "UNANNOUNCED",
        "THIRD_PARTY",
        "CROSS_ASSESSMENT",
        "SPECIAL_PATROL",
        "THEME_REVIEW"
    };

    record Unit(long id, String code, String path, long regionId) {}

    /** A county with its units and the ids of the users the rows name. */
    record County(
            int number,
            Unit unit,
            Unit province,
            List<Unit> leadUnits,
            List<Unit> villages,
            Map<Long, Long> headOf,
            Map<Long, Long> staffOf,
            long office,
            long leader) {

        String officeName() {
            return "office." + unit.code();
        }
    }

    record Round(long id, County county, String source, LocalDate feedback, String code) {}

    private final TsvTable units;
    private final TsvTable users;
    private final TsvTable roles;
    private final TsvTable rounds;
    private final String passwordHash;
    private final Random random = new Random(2800L);
    private long nextUnit = 1;
    private long nextUser = 1;
    private long nextRound = 1;

    final List<County> counties = new ArrayList<>();
    final List<Round> allRounds = new ArrayList<>();
    Unit nation;
    final List<Unit> provinces = new ArrayList<>();

    ScaleOrg(Path dir, String passwordHash) {
        this.passwordHash = passwordHash;
        units = new TsvTable(
                dir,
                "org_unit",
                "id",
                "code",
                "name_zh",
                "name_en",
                "kind",
                "parent_id",
                "path",
                "region_id",
                "active",
                "version");
        users = new TsvTable(
                dir, "app_user", "id", "username", "password_hash", "display_name", "unit_id", "enabled", "version");
        roles = new TsvTable(dir, "app_user_role", "user_id", "role");
        rounds = new TsvTable(
                dir,
                "inspection_round",
                "id",
                "region_id",
                "region_path",
                "source_type",
                "code",
                "name",
                "inspecting_body",
                "feedback_received_on",
                "created_at",
                "created_by",
                "version");
    }

    List<TsvTable> tables() {
        return List.of(units, users, roles, rounds);
    }

    /** The tree, its users and {@code roundsPerCounty} rounds per county between {@code first} and {@code last}. */
    void build(
            int provinceCount,
            int citiesPerProvince,
            int countyCount,
            int roundsPerCounty,
            LocalDate first,
            LocalDate last,
            Instant now) {
        nation = unit(null, "nation", "全国", "Nation", "NATION");
        regionUsers(nation, "全国");
        int county = 0;
        for (int p = 1; p <= provinceCount; p++) {
            Unit province = unit(nation, "p%02d".formatted(p), "第%02d省".formatted(p), "Province " + p, "PROVINCE");
            provinces.add(province);
            regionUsers(province, "第%02d省".formatted(p));
            for (int c = 1; c <= citiesPerProvince; c++) {
                Unit city = unit(
                        province,
                        province.code() + "c%02d".formatted(c),
                        "第%02d省第%02d市".formatted(p, c),
                        "City " + p + "-" + c,
                        "CITY");
                int inCity = share(countyCount, provinceCount * citiesPerProvince, (p - 1) * citiesPerProvince + c - 1);
                for (int k = 0; k < inCity; k++) {
                    counties.add(county(city, province, ++county));
                }
            }
        }
        long span = ChronoUnit.DAYS.between(first, last);
        for (County c : counties) {
            for (int r = 0; r < roundsPerCounty; r++) {
                long start = span * r / roundsPerCounty;
                LocalDate feedback = first.plusDays(start + random.nextInt((int) Math.max(1, span / roundsPerCounty)));
                String source = SOURCES[random.nextInt(SOURCES.length)];
                Round round =
                        new Round(nextRound++, c, source, feedback, c.unit().code() + "-R" + (r + 1));
                allRounds.add(round);
                rounds.row(
                        round.id(),
                        c.unit().id(),
                        c.unit().path(),
                        source,
                        round.code(),
                        "第%04d县%s第%d轮反馈".formatted(c.number(), feedback.getYear(), r + 1),
                        "规模基准",
                        feedback,
                        now,
                        c.officeName(),
                        0);
            }
        }
        allRounds.sort(Comparator.comparing(Round::feedback).thenComparing(Round::id));
    }

    /** The i-th of n parts of total, as even as can be. */
    static int share(int total, int parts, int i) {
        return total / parts + (i < total % parts ? 1 : 0);
    }

    private County county(Unit city, Unit province, int number) {
        String code = "c%04d".formatted(number);
        String name = "第%04d县".formatted(number);
        Unit county = unit(city, code, name, "County " + number, "COUNTY");
        long office = user("office." + code, name + "整改办", county, "OFFICE");
        long leader = user("leader." + code, name + "责任领导", county, "LEADER");
        List<Unit> lead = new ArrayList<>();
        List<Unit> villages = new ArrayList<>();
        Map<Long, Long> heads = new HashMap<>();
        Map<Long, Long> staff = new HashMap<>();
        for (String[] d : DEPARTMENTS) {
            lead.add(staffed(unit(county, code + "-" + d[0], name + d[1], d[0], "DEPARTMENT"), heads, staff));
        }
        for (String[] t : TOWNSHIPS) {
            Unit township = staffed(unit(county, code + "-" + t[0], name + t[1], t[0], "TOWNSHIP"), heads, staff);
            lead.add(township);
            for (int v = 1; v <= 2; v++) {
                villages.add(
                        unit(township, township.code() + "-v" + v, t[1] + "第" + v + "村", "Village " + v, "VILLAGE"));
            }
        }
        return new County(number, county, province, lead, villages, heads, staff, office, leader);
    }

    private Unit staffed(Unit unit, Map<Long, Long> heads, Map<Long, Long> staff) {
        heads.put(unit.id(), user("head." + unit.code(), unit.code() + "负责人", unit, "UNIT_HEAD"));
        staff.put(unit.id(), user("staff." + unit.code(), unit.code() + "经办人", unit, "UNIT_STAFF"));
        return unit;
    }

    private void regionUsers(Unit region, String name) {
        user("office." + region.code(), name + "整改办", region, "OFFICE");
        user("leader." + region.code(), name + "领导", region, "LEADER");
    }

    private Unit unit(Unit parent, String code, String zh, String en, String kind) {
        long id = nextUnit++;
        boolean region = !kind.equals("DEPARTMENT") && !kind.equals("TOWNSHIP") && !kind.equals("VILLAGE");
        String path = (parent == null ? "/" : parent.path()) + id + "/";
        long regionId = region ? id : parent.regionId();
        units.row(id, code, zh, en, kind, parent == null ? null : parent.id(), path, regionId, true, 0);
        return new Unit(id, code, path, regionId);
    }

    private long user(String username, String name, Unit unit, String role) {
        long id = nextUser++;
        users.row(id, username, passwordHash, name, unit.id(), true, 0);
        roles.row(id, role);
        return id;
    }
}
