package org.rectify.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rectify.org.NewUnit;
import org.rectify.org.NewUser;
import org.rectify.org.OrgSetup;
import org.rectify.org.OrgUnitView;
import org.rectify.org.Role;
import org.rectify.org.UnitKind;

/**
 * The demo county (示范县): 26 county departments, 9 townships with villages, one account per role
 * and a head and a case officer for every unit. All demo accounts share {@link #PASSWORD}.
 */
final class DemoOrganisation {

    static final String PASSWORD = "demo1234";

    /** code, Chinese name, English name. */
    static final List<String[]> DEPARTMENTS = List.of(
            new String[] {"fpj", "县扶贫开发局", "Poverty Alleviation Bureau"},
            new String[] {"czj", "县财政局", "Finance Bureau"},
            new String[] {"fgw", "县发展和改革委员会", "Development and Reform Commission"},
            new String[] {"jyj", "县教育局", "Education Bureau"},
            new String[] {"wjw", "县卫生健康委员会", "Health Commission"},
            new String[] {"ybj", "县医疗保障局", "Medical Insurance Bureau"},
            new String[] {"rsj", "县人力资源和社会保障局", "Human Resources and Social Security Bureau"},
            new String[] {"mzj", "县民政局", "Civil Affairs Bureau"},
            new String[] {"zjj", "县住房和城乡建设局", "Housing and Urban-Rural Development Bureau"},
            new String[] {"nyj", "县农业农村局", "Agriculture and Rural Affairs Bureau"},
            new String[] {"slj", "县水利局", "Water Resources Bureau"},
            new String[] {"jtj", "县交通运输局", "Transport Bureau"},
            new String[] {"zrj", "县自然资源和规划局", "Natural Resources and Planning Bureau"},
            new String[] {"sthj", "县生态环境分局", "Ecology and Environment Branch"},
            new String[] {"scj", "县市场监督管理局", "Market Regulation Bureau"},
            new String[] {"sjj", "县审计局", "Audit Bureau"},
            new String[] {"swj", "县商务局", "Commerce Bureau"},
            new String[] {"wlj", "县文化旅游体育局", "Culture, Tourism and Sports Bureau"},
            new String[] {"lyj", "县林业局", "Forestry Bureau"},
            new String[] {"cl", "县残疾人联合会", "Disabled Persons' Federation"},
            new String[] {"fl", "县妇女联合会", "Women's Federation"},
            new String[] {"zzb", "县委组织部", "Organisation Department"},
            new String[] {"xcb", "县委宣传部", "Publicity Department"},
            new String[] {"tjj", "县统计局", "Statistics Bureau"},
            new String[] {"tyjr", "县退役军人事务局", "Veterans Affairs Bureau"},
            new String[] {"gxs", "县供销合作社", "Supply and Marketing Cooperative"});

    /** code, Chinese name, English name, then villages as code:name pairs. */
    static final List<String[]> TOWNSHIPS = List.of(
            new String[] {"cgz", "城关镇", "Chengguan Town", "dgc:东关村", "xgc:西关村"},
            new String[] {"dlz", "东岭镇", "Dongling Town", "dlc:东岭村", "hsc:黄墅村"},
            new String[] {"xxz", "西溪镇", "Xixi Town", "xxc:西溪村", "zjc:周家村"},
            new String[] {"nhz", "南湖镇", "Nanhu Town", "nhc:南湖村", "ltc:莲塘村"},
            new String[] {"bsz", "北山镇", "Beishan Town", "bsc:北山村", "sqc:石泉村"},
            new String[] {"qhz", "清河镇", "Qinghe Town", "qhc:清河村", "ycc:杨村社区"},
            new String[] {"sqx", "石桥乡", "Shiqiao Township", "sqcun:石桥村", "tcc:涛城村"},
            new String[] {"mlx", "梅林乡", "Meilin Township", "mlc:梅林村", "mzc:梅渚村"},
            new String[] {"byx", "白云乡", "Baiyun Township", "byc:白云村", "fqc:飞鲤村"});

    private final OrgSetup setup;
    private final String passwordHash;
    private final Map<String, OrgUnitView> units = new LinkedHashMap<>();

    DemoOrganisation(OrgSetup setup) {
        this.setup = setup;
        this.passwordHash = setup.hash(PASSWORD);
    }

    Map<String, OrgUnitView> build() {
        OrgUnitView county = unit(null, "county", "示范县", "Demo County", UnitKind.COUNTY);
        user("admin", "系统管理员", county, Role.ADMIN);
        user("office", "王整改（县整改办）", county, Role.OFFICE);
        user("office2", "陈督办（县整改办）", county, Role.OFFICE);
        user("leader", "李县长（责任领导）", county, Role.LEADER);
        user("leader2", "张副书记（责任领导）", county, Role.LEADER);
        user("inspector", "赵督查（督查组）", county, Role.INSPECTOR);
        for (String[] d : DEPARTMENTS) {
            staffed(unit(county, d[0], d[1], d[2], UnitKind.DEPARTMENT), d[1]);
        }
        for (String[] t : TOWNSHIPS) {
            OrgUnitView township = staffed(unit(county, t[0], t[1], t[2], UnitKind.TOWNSHIP), t[1]);
            for (int i = 3; i < t.length; i++) {
                String[] village = t[i].split(":");
                staffed(unit(township, village[0], village[1], village[1] + " Village", UnitKind.VILLAGE), village[1]);
            }
        }
        return units;
    }

    private OrgUnitView staffed(OrgUnitView unit, String name) {
        user("head." + unit.code(), name + "负责人", unit, Role.UNIT_HEAD);
        user("staff." + unit.code(), name + "经办人", unit, Role.UNIT_STAFF);
        return unit;
    }

    private OrgUnitView unit(OrgUnitView parent, String code, String zh, String en, UnitKind kind) {
        OrgUnitView unit = setup.createUnit(new NewUnit(parent == null ? null : parent.id(), code, zh, en, kind));
        units.put(code, unit);
        return unit;
    }

    private void user(String username, String displayName, OrgUnitView unit, Role role) {
        setup.createUserWithHash(
                new NewUser(username, PASSWORD, displayName, unit.id(), username + "@demo.rectify.local", Set.of(role)),
                passwordHash);
    }
}
