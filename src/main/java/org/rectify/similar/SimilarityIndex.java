package org.rectify.similar;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;

/**
 * Problems' texts in a Lucene index, ranked by BM25 against a text: its words (with synonyms) and, at a lower
 * weight, its character bigrams (see {@link ProblemTextAnalyzer}). Knows nothing of scopes or units: it answers
 * candidates, and its caller keeps those the reader may see.
 */
final class SimilarityIndex implements Closeable {

    static final String ID = "id";
    static final String WORDS = "words";
    static final String BIGRAMS = "bigrams";

    /** How a query's parts weigh, and how many of its distinct terms it asks for at most (the rarest). */
    record Weights(float words, float bigrams, float title, int maxTerms) {
        static final Weights DEFAULT = new Weights(1.0f, 0.35f, 1.0f, 40);
    }

    /** A problem by id, with its BM25 score. */
    record Hit(long id, float score) {
    }

    private final ProblemTextAnalyzer analyzer;
    private final Weights weights;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    SimilarityIndex(Directory directory, ProblemTextAnalyzer analyzer, Weights weights) {
        this.analyzer = analyzer;
        this.weights = weights;
        Analyzer perField = new PerFieldAnalyzerWrapper(analyzer.wordAnalyzer(),
                Map.of(BIGRAMS, analyzer.bigramAnalyzer()));
        try {
            this.writer = new IndexWriter(directory, new IndexWriterConfig(perField)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE));
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the problem, or replaces what was indexed of it. */
    void put(long id, String title, String description) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(id), Field.Store.NO));
        doc.add(new StoredField(ID, id));
        String text = text(title, description);
        doc.add(new TextField(WORDS, text, Field.Store.NO));
        doc.add(new TextField(BIGRAMS, text, Field.Store.NO));
        try {
            writer.updateDocument(new Term(ID, Long.toString(id)), doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes what was put so far visible to searches. */
    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The best {@code n} problems for this text, best first. */
    List<Hit> search(String title, String description, int n) {
        return search(title, description, n, java.util.Set.of());
    }

    /** The best {@code n} problems for this text but those of these ids, best first. */
    List<Hit> search(String title, String description, int n, java.util.Collection<Long> excluded) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Query query = query(searcher, title, description);
                if (query == null) {
                    return List.of();
                }
                if (!excluded.isEmpty()) {
                    query = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                            .add(new org.apache.lucene.search.TermInSetQuery(ID, excluded.stream()
                                    .map(id -> new org.apache.lucene.util.BytesRef(Long.toString(id))).toList()),
                                    BooleanClause.Occur.MUST_NOT).build();
                }
                List<Hit> hits = new ArrayList<>();
                for (ScoreDoc d : searcher.search(query, n).scoreDocs) {
                    long id = searcher.storedFields().document(d.doc).getField(ID).numericValue().longValue();
                    hits.add(new Hit(id, d.score));
                }
                return hits;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** BM25's inverse document frequency of a term in the index: how much finding it tells. */
    double idf(String field, String term) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                long n = searcher.getIndexReader().numDocs();
                long df = searcher.getIndexReader().docFreq(new Term(field, term));
                return Math.log(1 + (n - df + 0.5) / (df + 0.5));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return writer.getDocStats().numDocs;
    }

    /**
     * Every distinct word and bigram of the text as an optional clause, the title's words again (a title says
     * what the problem is), at most the rarest {@code maxTerms}: a long description would exceed Lucene's clause
     * limit, and its commonest terms add work without telling problems apart.
     */
    private Query query(IndexSearcher searcher, String title, String description) throws IOException {
        String text = text(title, description);
        List<TermQuery> words = distinct(WORDS, analyzer.words(text));
        List<TermQuery> bigrams = distinct(BIGRAMS, analyzer.bigrams(text));
        List<TermQuery> titleWords = title == null ? List.of() : distinct(WORDS, analyzer.words(title));
        List<Query> clauses = new ArrayList<>();
        rarest(searcher, words).forEach(q -> clauses.add(new BoostQuery(q, weights.words())));
        rarest(searcher, bigrams).forEach(q -> clauses.add(new BoostQuery(q, weights.bigrams())));
        rarest(searcher, titleWords).forEach(q -> clauses.add(new BoostQuery(q, weights.title())));
        if (clauses.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        clauses.forEach(c -> query.add(c, BooleanClause.Occur.SHOULD));
        return query.build();
    }

    /**
     * The rarest {@code maxTerms} of the terms, leaving out those a fifth of the problems or more hold (when the
     * index is large enough to tell): they add next to nothing to a score, and scoring them costs a look at
     * almost every problem.
     */
    private List<TermQuery> rarest(IndexSearcher searcher, List<TermQuery> terms) throws IOException {
        int n = searcher.getIndexReader().numDocs();
        Map<TermQuery, Integer> freq = new java.util.HashMap<>();
        for (TermQuery t : terms) {
            freq.put(t, searcher.getIndexReader().docFreq(t.getTerm()));
        }
        List<TermQuery> sorted = new ArrayList<>(terms.stream()
                .filter(t -> n < COMMON_FROM_DOCS || freq.get(t) < n / 5).toList());
        sorted.sort(Comparator.comparing(freq::get));
        return sorted.size() <= weights.maxTerms() ? sorted : sorted.subList(0, weights.maxTerms());
    }

    /** Below this many problems every term counts: a small index cannot tell a common term from a frequent one. */
    static final int COMMON_FROM_DOCS = 1000;

    private static List<TermQuery> distinct(String field, List<String> terms) {
        Set<String> seen = new LinkedHashSet<>(terms);
        return seen.stream().map(t -> new TermQuery(new Term(field, t))).toList();
    }

    private static String text(String title, String description) {
        return (title == null ? "" : title) + "\n" + (description == null ? "" : description);
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
