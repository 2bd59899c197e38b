package org.rectify.similar;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

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
    record Hit(long id, float score) {}

    /** A text's distinct words and bigrams, in the order they first appear. */
    record Terms(Set<String> words, Set<String> bigrams) {}

    /**
     * The fields a problem's terms are indexed in, with their term vectors kept, so that an answer reads a
     * candidate's terms instead of cutting its text again (the segmenter is the dearest part of an answer).
     */
    private static final FieldType TERMS_KEPT;

    static {
        TERMS_KEPT = new FieldType(TextField.TYPE_NOT_STORED);
        TERMS_KEPT.setStoreTermVectors(true);
        TERMS_KEPT.freeze();
    }

    private final ProblemTextAnalyzer analyzer;
    private final Weights weights;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    SimilarityIndex(Directory directory, ProblemTextAnalyzer analyzer, Weights weights) {
        this.analyzer = analyzer;
        this.weights = weights;
        Analyzer perField =
                new PerFieldAnalyzerWrapper(analyzer.wordAnalyzer(), Map.of(BIGRAMS, analyzer.bigramAnalyzer()));
        try {
            this.writer = new IndexWriter(
                    directory, new IndexWriterConfig(perField).setOpenMode(IndexWriterConfig.OpenMode.CREATE));
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
        doc.add(new Field(WORDS, text, TERMS_KEPT));
        doc.add(new Field(BIGRAMS, text, TERMS_KEPT));
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
    List<Hit> search(String title, String description, int n, Collection<Long> excluded) {
        return search(
                terms(title, description), title == null ? Set.of() : distinct(analyzer.words(title)), n, excluded);
    }

    /** The text's terms, as {@link #search} cuts them. */
    Terms terms(String title, String description) {
        String text = text(title, description);
        return new Terms(distinct(analyzer.words(text)), distinct(analyzer.bigrams(text)));
    }

    /**
     * The best {@code n} problems for a text's terms (and its title's words, counted again) but those of these
     * ids, best first.
     */
    List<Hit> search(Terms text, Set<String> titleWords, int n, Collection<Long> excluded) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Query query = query(searcher, text, titleWords);
                if (query == null) {
                    return List.of();
                }
                if (!excluded.isEmpty()) {
                    query = new BooleanQuery.Builder()
                            .add(query, BooleanClause.Occur.MUST)
                            .add(
                                    new org.apache.lucene.search.TermInSetQuery(
                                            ID,
                                            excluded.stream()
                                                    .map(id -> new org.apache.lucene.util.BytesRef(Long.toString(id)))
                                                    .toList()),
                                    BooleanClause.Occur.MUST_NOT)
                            .build();
                }
                List<Hit> hits = new ArrayList<>();
                for (ScoreDoc d : searcher.search(query, n).scoreDocs) {
                    long id = searcher.storedFields()
                            .document(d.doc)
                            .getField(ID)
                            .numericValue()
                            .longValue();
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

    /** BM25's inverse document frequency of each term in the index: how much finding it tells. */
    Map<String, Double> idf(String field, Collection<String> terms) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                IndexReader reader = searcher.getIndexReader();
                long n = reader.numDocs();
                Map<String, Double> idf = new HashMap<>();
                for (String term : terms) {
                    long df = reader.docFreq(new Term(field, term));
                    idf.put(term, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
                }
                return idf;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The terms indexed for each of these problems, read from their term vectors; those not indexed are left out. */
    Map<Long, Terms> indexedTerms(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Query byId = new TermInSetQuery(
                        ID,
                        ids.stream().map(id -> new BytesRef(Long.toString(id))).toList());
                TermVectors vectors = searcher.getIndexReader().termVectors();
                Map<Long, Terms> terms = new HashMap<>();
                for (ScoreDoc d : searcher.search(byId, ids.size()).scoreDocs) {
                    long id = searcher.storedFields()
                            .document(d.doc)
                            .getField(ID)
                            .numericValue()
                            .longValue();
                    terms.put(id, new Terms(vector(vectors.get(d.doc, WORDS)), vector(vectors.get(d.doc, BIGRAMS))));
                }
                return terms;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> vector(org.apache.lucene.index.Terms vector) throws IOException {
        Set<String> terms = new LinkedHashSet<>();
        if (vector != null) {
            TermsEnum each = vector.iterator();
            for (BytesRef term = each.next(); term != null; term = each.next()) {
                terms.add(term.utf8ToString());
            }
        }
        return terms;
    }

    int size() {
        return writer.getDocStats().numDocs;
    }

    /**
     * Every distinct word and bigram of the text as an optional clause, the title's words again (a title says
     * what the problem is), at most the rarest {@code maxTerms}: a long description would exceed Lucene's clause
     * limit, and its commonest terms add work without telling problems apart.
     */
    private Query query(IndexSearcher searcher, Terms text, Set<String> title) throws IOException {
        List<TermQuery> words = queries(WORDS, text.words());
        List<TermQuery> bigrams = queries(BIGRAMS, text.bigrams());
        List<TermQuery> titleWords = queries(WORDS, title);
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
                .filter(t -> n < COMMON_FROM_DOCS || freq.get(t) < n / 5)
                .toList());
        sorted.sort(Comparator.comparing(freq::get));
        return sorted.size() <= weights.maxTerms() ? sorted : sorted.subList(0, weights.maxTerms());
    }

    /** Below this many problems every term counts: a small index cannot tell a common term from a frequent one. */
    static final int COMMON_FROM_DOCS = 1000;

    private static Set<String> distinct(List<String> terms) {
        return new LinkedHashSet<>(terms);
    }

    private static List<TermQuery> queries(String field, Set<String> terms) {
        return terms.stream().map(t -> new TermQuery(new Term(field, t))).toList();
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
