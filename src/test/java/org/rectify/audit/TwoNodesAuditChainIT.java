package org.rectify.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.rectify.org.NewUnit;
import org.rectify.org.NewUser;
import org.rectify.org.OrgSetup;
import org.rectify.org.Role;
import org.rectify.org.UnitKind;
import org.rectify.support.ApiClient;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.rectify.support.SecondNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes, two JVMs on one database, each performing 1,000 audited actions at the same time (a unit renamed
 * by the administrator and a problem registered by the office, in turns, two clients a node): the chain
 * verifies as one, every record sealed once, numbered without a gap, the two nodes' seals interleaved. On
 * MariaDB the second node uses the same database; on H2 it reaches this JVM's in-memory database through H2's
 * TCP server, the one way two H2 nodes share a database.
 */
class TwoNodesAuditChainIT extends IntegrationTest {

    private static final int ACTIONS = 1_000;
    private static final int CLIENTS = 2;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OrgSetup setup;

    @Autowired
    AuditVerification verification;

    @Autowired
    AuditChain chain;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    private long county;
    private String office;
    private String admin;

    @Test
    void twoNodesActingAtOnceKeepOneChain() throws Exception {
        chain.linkPending();
        long sealsBefore = jdbc.queryForObject("select seq from audit_chain_head where id = 1", Long.class);
        long recordsBefore = jdbc.queryForObject("select count(*) from audit_record", Long.class);
        // A county of their own, so that its thousand problems stay out of the demo county's worklists.
        String tag = "twonodes" + ProcessHandle.current().pid();
        county = setup.createUnit(new NewUnit(null, tag, "两节点县", "Two Nodes County", UnitKind.COUNTY))
                .id();
        setup.createUser(new NewUser("office." + tag, "demo1234", "两节点整改办", county, null, Set.of(Role.OFFICE)));
        setup.createUser(new NewUser("admin." + tag, "demo1234", "两节点管理员", county, null, Set.of(Role.ADMIN)));
        office = "office." + tag;
        admin = "admin." + tag;
        long round = api.as(office)
                .post(
                        "/api/rounds",
                        Map.of(
                                "sourceType",
                                "SUPERVISION",
                                "code",
                                tag,
                                "name",
                                "两节点",
                                "feedbackReceivedOn",
                                Demo.today().toString()))
                .expect(201)
                .id();
        long unitA = unit("A");
        long unitB = unit("B");

        try (SecondNode other = SecondNode.onTheTestDatabase(databaseUrl, "node-b")) {
            ExecutorService clients = Executors.newFixedThreadPool(2 * CLIENTS);
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                work.add(clients.submit(actions(new ApiClient(port), "A", c, unitA, round)));
                work.add(clients.submit(actions(new ApiClient(other.port()), "B", c, unitB, round)));
            }
            for (Future<?> f : work) {
                f.get(10, TimeUnit.MINUTES);
            }
            clients.shutdown();
        }

        AuditVerifier.Report report = verification.verify();
        assertThat(report.findings()).isEmpty();
        long records = jdbc.queryForObject("select count(*) from audit_record", Long.class);
        long seq = jdbc.queryForObject("select seq from audit_chain_head where id = 1", Long.class);
        // Every record written by the two nodes sealed once, the numbers without a gap.
        assertThat(records - recordsBefore).isGreaterThanOrEqualTo(2L * ACTIONS);
        assertThat(seq - sealsBefore).isEqualTo(records - recordsBefore);
        assertThat(jdbc.queryForObject("select count(*) from audit_seal", Long.class))
                .isEqualTo(seq);
        assertThat(jdbc.queryForObject("select count(distinct record_id) from audit_seal", Long.class))
                .isEqualTo(seq);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_record r where not exists"
                                + " (select 1 from audit_seal s where s.record_id = r.id)",
                        Long.class))
                .isZero();
        // Each node's actions all there, and the nodes' seals interleaved: they did share the head.
        List<Long> renamesA = renameSeals(unitA);
        List<Long> renamesB = renameSeals(unitB);
        assertThat(renamesA).hasSize(ACTIONS / 2);
        assertThat(renamesB).hasSize(ACTIONS / 2);
        assertThat(jdbc.queryForObject("select count(*) from problem where round_id = ?", Long.class, round))
                .isEqualTo(ACTIONS);
        assertThat(renamesB.stream()
                        .filter(s -> s > renamesA.get(0) && s < renamesA.get(renamesA.size() - 1))
                        .count())
                .as("seals of node B between node A's first and last")
                .isPositive();
    }

    private long unit(String node) {
        String code = "two-nodes-" + node + "-" + ProcessHandle.current().pid();
        return setup.createUnit(new NewUnit(county, code, "节点" + node, "Node " + node, UnitKind.DEPARTMENT))
                .id();
    }

    /** One client's share of a node's actions: a rename and a registration in turns. */
    private Runnable actions(ApiClient node, String name, int client, long unit, long round) {
        return () -> {
            for (int i = client; i < ACTIONS; i += CLIENTS) {
                if (i % 2 == 0) {
                    node.as(admin)
                            .put(
                                    "/api/org/units/{id}",
                                    Map.of("nameZh", "节点" + name + i, "nameEn", "Node " + name + " " + i),
                                    unit)
                            .ok();
                } else {
                    node.as(office)
                            .post(
                                    "/api/problems",
                                    Map.of(
                                            "roundId",
                                            round,
                                            "number",
                                            name + "-" + i,
                                            "title",
                                            "两个节点 " + name + i,
                                            "description",
                                            "x"))
                            .expect(201);
                }
            }
        };
    }

    private List<Long> renameSeals(long unit) {
        return jdbc.queryForList(
                "select s.seq from audit_seal s join audit_record r on r.id = s.record_id"
                        + " where r.action = 'UNIT_RENAMED' and r.target_id = ? order by s.seq",
                Long.class,
                unit);
    }
}
