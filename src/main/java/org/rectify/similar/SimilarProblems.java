package org.rectify.similar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import org.apache.lucene.store.MMapDirectory;
import org.rectify.common.InvalidInputException;
import org.rectify.org.OrgDirectory;
import org.rectify.problem.ProblemTexts;
import org.rectify.problem.ProblemView;
import org.rectify.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;

/**
 * 举一反三: the problems most like a problem, or like a text not yet registered, among those the reader may see.
 * <p>
 * <b>The index.</b> Each node keeps its own Lucene index of every problem's title and description (a directory
 * of its own, made afresh when the node starts) and fills it from the database: all problems once at start,
 * then those it has not seen, before each look-up and every few seconds. A problem's text never changes once
 * registered, so "not seen" is all there is to keep current: the problems above the highest id seen (before each
 * look-up and every few seconds), and, as a transaction may commit a lower id after a higher one, those registered
 * in the last minutes that are missing (every few seconds: reading the last minutes' ids is the dearer part, and
 * such a late commit is rare). So every node answers the same from the same committed problems, a late commit
 * at most a poll behind.
 * The scope, the units and the categories are read from the database for each answer, never from the index.
 */
@Service
public class SimilarProblems {

    /**
     * How much more a candidate of the same category weighs (on the labelled set recall@5 is 0.74 without it,
     * 0.82 with it: a problem's likes are mostly found in its own category).
     */
    static final double CATEGORY_BOOST = 1.5;
    /**
     * Candidates asked of the index for one answer, before scope and units are applied: first this many, then
     * four times as many while too few are left, up to {@link #CANDIDATES}.
     */
    static final int FIRST_CANDIDATES = 50;

    static final int CANDIDATES = 800;
    public static final int MAX_TEXT = 4000;
    private static final Duration LATE_COMMITS = Duration.ofMinutes(30);
    private static final Logger log = LoggerFactory.getLogger(SimilarProblems.class);

    private final Problems problems;
    private final ProblemTexts texts;
    private final Clock clock;
    private final OrgDirectory orgDirectory;
    private final ProblemTextAnalyzer analyzer = new ProblemTextAnalyzer();
    private final Path directory;
    private final SimilarityIndex index;
    private final AtomicLong highestId = new AtomicLong();
    /**
     * The problems registered in the last minutes that were indexed, with when: the late commits are those of the
     * minutes missing here (a problem found above the highest id is put here too when the minutes' look-up sees it,
     * and so put twice, harmlessly: a put replaces).
     */
    private final Map<Long, Instant> recent = new HashMap<>();

    private volatile boolean ready;
    private final java.util.concurrent.atomic.AtomicBoolean building = new java.util.concurrent.atomic.AtomicBoolean();
    private final boolean buildAtStart;

    SimilarProblems(
            Problems problems,
            ProblemTexts texts,
            Clock clock,
            OrgDirectory org,
            @Value("${rectify.similar.dir:}") String dir,
            @Value("${rectify.similar.build-at-start:true}") boolean buildAtStart)
            throws IOException {
        this.problems = problems;
        this.buildAtStart = buildAtStart;
        this.orgDirectory = org;
        this.texts = texts;
        this.clock = clock;
        Path parent = dir.isBlank() ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(dir);
        Files.createDirectories(parent);
        this.directory = Files.createTempDirectory(parent, "rectify-similar-");
        this.index = new SimilarityIndex(new MMapDirectory(directory), analyzer, SimilarityIndex.Weights.DEFAULT);
    }

    static double adjusted(float score, boolean sameCategory, double categoryBoost) {
        return sameCategory ? score * categoryBoost : score;
    }

    /** The problems of other units most like this one, best first; 404 if the reader may not see it. */
    public List<SimilarProblem> like(long problemId, int limit) {
        ProblemView problem = problems.get(problemId);
        Set<Long> units = new LinkedHashSet<>(problem.coUnitIds());
        if (problem.leadUnitId() != null) {
            units.add(problem.leadUnitId());
        }
        // Its units' names tell nothing of the failure, and would rank their own problems (left out) first.
        String title = withoutNames(problem.title(), units);
        String description = withoutNames(problem.description(), units);
        return answer(
                title,
                description,
                problem.categoryCode(),
                limit,
                List.of(problemId),
                c -> !c.id().equals(problemId) && (c.leadUnitId() == null || !units.contains(c.leadUnitId())));
    }

    /** The text without the units' names, full (县扶贫开发局) or without the region's first character (扶贫开发局). */
    private String withoutNames(String text, Set<Long> unitIds) {
        String out = text == null ? "" : text;
        for (Long unitId : unitIds) {
            String name = orgDirectory.findUnit(unitId).map(u -> u.nameZh()).orElse(null);
            if (name != null && !name.isBlank()) {
                out = out.replace(name, " ");
                if (name.length() > 3 && "县市区镇乡".indexOf(name.charAt(0)) >= 0) {
                    out = out.replace(name.substring(1), " ");
                }
            }
        }
        return out;
    }

    /** The problems most like a text being written (a new problem's title and description), best first. */
    public List<SimilarProblem> likeText(String text, String categoryCode, int limit) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "rule.similar.textMissing", "give a text to compare");
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidInputException(
                    "text",
                    "rule.similar.textTooLong",
                    "the text is longer than " + MAX_TEXT + " characters",
                    MAX_TEXT);
        }
        return answer(text, null, categoryCode, limit, List.of(), c -> true);
    }

    /** A new problem's title and description as the one text {@link #likeText} takes, cut to the length it accepts. */
    public static String text(String title, String description) {
        String text = (Objects.toString(title, "").strip() + "\n"
                        + Objects.toString(description, "").strip())
                .strip();
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }

    private List<SimilarProblem> answer(
            String title,
            String description,
            String categoryCode,
            int limit,
            List<Long> excluded,
            java.util.function.Predicate<ProblemView> keep) {
        if (!ready) {
            startBuilding();
            throw new IndexNotReadyException();
        }
        catchUp(false);
        record Ranked(ProblemView view, double score) {}
        SimilarityIndex.Terms own = index.terms(title, description);
        Set<String> titleWords = title == null ? Set.of() : new LinkedHashSet<>(analyzer.words(title));
        List<Ranked> ranked = new ArrayList<>();
        // A few candidates first; more only when scope and units leave too few of them.
        for (int asked = FIRST_CANDIDATES; ranked.size() < limit && asked <= CANDIDATES; asked *= 4) {
            ranked.clear();
            List<SimilarityIndex.Hit> hits = index.search(own, titleWords, asked, excluded);
            Map<Long, ProblemView> visible = problems.visibleByIds(
                    hits.stream().map(SimilarityIndex.Hit::id).toList());
            for (SimilarityIndex.Hit hit : hits) {
                ProblemView candidate = visible.get(hit.id());
                if (candidate != null && keep.test(candidate)) {
                    ranked.add(new Ranked(
                            candidate, adjusted(hit.score(), sameCategory(categoryCode, candidate), CATEGORY_BOOST)));
                }
            }
            if (hits.size() < asked) {
                break;
            }
        }
        ranked.sort(Comparator.comparingDouble(Ranked::score).reversed());
        List<Ranked> best = ranked.stream().limit(limit).toList();
        Map<Long, SimilarityIndex.Terms> indexed =
                index.indexedTerms(best.stream().map(r -> r.view().id()).toList());
        Idf idf = new Idf(
                index.idf(SimilarityIndex.WORDS, own.words()), index.idf(SimilarityIndex.BIGRAMS, own.bigrams()));
        return best.stream()
                .map(r -> {
                    SimilarityIndex.Terms theirs = indexed.containsKey(r.view().id())
                            ? indexed.get(r.view().id())
                            : index.terms(r.view().title(), r.view().description());
                    return new SimilarProblem(
                            r.view().id(),
                            r.view().number(),
                            r.view().title(),
                            r.view().status(),
                            r.view().categoryCode(),
                            r.view().leadUnitId(),
                            r.view().roundId(),
                            share(own, theirs, idf),
                            new SimilarProblem.Reason(shared(own, theirs, idf), sameCategory(categoryCode, r.view())));
                })
                .toList();
    }

    /** The IDF of each of a text's words and bigrams, read once for an answer. */
    private record Idf(Map<String, Double> words, Map<String, Double> bigrams) {}

    /**
     * The score shown: the share of the text's information the candidate holds, from 0 to 1, each of the text's
     * words and bigrams counted by how rare it is in the index (its IDF) and by its weight in the ranking.
     */
    private static double share(SimilarityIndex.Terms own, SimilarityIndex.Terms theirs, Idf idf) {
        double all = 0;
        double held = 0;
        SimilarityIndex.Weights w = SimilarityIndex.Weights.DEFAULT;
        for (String word : own.words()) {
            double weight = w.words() * idf.words().get(word);
            all += weight;
            held += theirs.words().contains(word) ? weight : 0;
        }
        for (String bigram : own.bigrams()) {
            double weight = w.bigrams() * idf.bigrams().get(bigram);
            all += weight;
            held += theirs.bigrams().contains(bigram) ? weight : 0;
        }
        return all == 0 ? 0 : Math.round(held / all * 1000) / 1000.0;
    }

    /**
     * What both texts hold, at most five: their shared words of two characters or more, the rarest in the index
     * first, then shared character pairs that are not part of those words (the segmenter cuts some words into
     * single characters: 低保 into 低 and 保).
     */
    private static List<String> shared(SimilarityIndex.Terms own, SimilarityIndex.Terms theirs, Idf idf) {
        List<String> terms = new ArrayList<>(own.words().stream()
                .filter(theirs.words()::contains)
                .filter(w -> w.codePointCount(0, w.length()) > 1)
                .sorted(Comparator.comparingDouble((String w) -> idf.words().get(w))
                        .reversed())
                .limit(5)
                .toList());
        own.bigrams().stream()
                .filter(theirs.bigrams()::contains)
                .filter(b -> b.codePoints().allMatch(Character::isIdeographic))
                .sorted(Comparator.comparingDouble((String b) -> idf.bigrams().get(b))
                        .reversed())
                .filter(b -> terms.stream().noneMatch(t -> t.contains(b) || b.contains(t)))
                .limit(Math.max(0, 5 - terms.size()))
                .forEach(terms::add);
        return terms;
    }

    private static boolean sameCategory(String categoryCode, ProblemView candidate) {
        return categoryCode != null && categoryCode.equals(candidate.categoryCode());
    }

    /**
     * Indexes every problem in the background once the node is up (unless {@code rectify.similar.build-at-start}
     * is false: then at the first look-up); look-ups answer 503 until it is done.
     */
    @EventListener(ApplicationReadyEvent.class)
    void buildAtStart() {
        if (buildAtStart) {
            startBuilding();
        }
    }

    private void startBuilding() {
        if (!building.compareAndSet(false, true)) {
            return;
        }
        Thread builder = new Thread(
                () -> {
                    long start = System.nanoTime();
                    try {
                        catchUp(true);
                        ready = true;
                        log.info(
                                "Similar-problem index: {} problems in {} ms",
                                index.size(),
                                (System.nanoTime() - start) / 1_000_000);
                    } catch (RuntimeException e) {
                        building.set(false);
                        log.error("Similar-problem index could not be built; look-ups answer 503 and try again", e);
                    }
                },
                "similar-index-build");
        builder.setDaemon(true);
        builder.start();
    }

    /** Every few seconds, what was registered since (on any node). */
    @Scheduled(initialDelayString = "${rectify.similar.poll:PT2S}", fixedDelayString = "${rectify.similar.poll:PT2S}")
    void poll() {
        if (ready) {
            catchUp(true);
        }
    }

    /** Indexes the problems above the highest id seen, and (lateCommits) those of the last minutes missing. */
    private synchronized void catchUp(boolean lateCommits) {
        Instant now = clock.instant();
        int[] added = {0};
        texts.after(highestId.get(), 1000, t -> {
            index.put(t.id(), t.title(), t.description());
            highestId.accumulateAndGet(t.id(), Math::max);
            added[0]++;
        });
        if (lateCommits) {
            List<Long> missing = texts.registeredSince(now.minus(LATE_COMMITS)).stream()
                    .filter(id -> !recent.containsKey(id))
                    .toList();
            for (ProblemTexts.Text t : texts.of(missing)) {
                index.put(t.id(), t.title(), t.description());
                recent.put(t.id(), now);
                added[0]++;
            }
            recent.values().removeIf(seen -> seen.isBefore(now.minus(LATE_COMMITS.multipliedBy(2))));
        }
        if (added[0] > 0) {
            index.refresh();
        }
    }

    @PreDestroy
    void close() {
        index.close();
        try {
            FileSystemUtils.deleteRecursively(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The index is still being built: 503 with Retry-After, as a ProblemDetail. */
    public static class IndexNotReadyException extends org.springframework.web.ErrorResponseException {
        IndexNotReadyException() {
            super(
                    org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
                    org.springframework.http.ProblemDetail.forStatusAndDetail(
                            org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
                            "The similar-problem index is being built. Try again in a few seconds."),
                    null);
            getHeaders().set(org.springframework.http.HttpHeaders.RETRY_AFTER, "5");
        }
    }
}
