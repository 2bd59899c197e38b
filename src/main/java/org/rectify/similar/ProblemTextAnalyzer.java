package org.rectify.similar;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.springframework.core.io.ClassPathResource;

/**
 * How a problem's text is cut into terms for finding similar problems: Chinese words (Lucene's smartcn, an HMM
 * segmenter) with the domain's synonyms and near-synonyms mapped onto one term each (text/synonyms.txt, kept as
 * data: 低保 and 最低生活保障 become the same words), and, beside them, the text's character bigrams, which catch
 * what the segmenter cuts badly (it cuts 精准 into 精 and 准). Numbers are left out of the words.
 */
final class ProblemTextAnalyzer {

    static final String SYNONYMS = "text/synonyms.txt";
    /** Drops numbers: a year or a count shared tells nothing of the failure (recall@5 0.80 with them, 0.81 without). */
    private static final class NoiseFilter extends org.apache.lucene.analysis.FilteringTokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        NoiseFilter(TokenStream in) {
            super(in);
        }

        @Override
        protected boolean accept() {
            String t = term.toString();
            return !t.chars().allMatch(c -> Character.isDigit(c) || c == '.');
        }
    }

    private final Analyzer words;
    private final Analyzer bigrams;

    ProblemTextAnalyzer() {
        this(true);
    }

    /** Without the synonyms: only to measure what they add. */
    ProblemTextAnalyzer(boolean withSynonyms) {
        SynonymMap synonyms = withSynonyms ? synonyms() : null;
        CharArraySet stopWords = SmartChineseAnalyzer.getDefaultStopSet();
        this.words = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new HMMChineseTokenizer();
                TokenStream stream = new LowerCaseFilter(source);
                stream = new StopFilter(stream, stopWords);
                if (synonyms != null) {
                    stream = new FlattenGraphFilter(new SynonymGraphFilter(stream, synonyms, true));
                }
                return new TokenStreamComponents(source, new NoiseFilter(stream));
            }
        };
        this.bigrams = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new CJKBigramFilter(new LowerCaseFilter(source));
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /** The text's words, synonyms mapped onto their set's first term, in order, repeats kept. */
    List<String> words(String text) {
        return terms(words, text);
    }

    /** The text's character bigrams (and its Latin words and numbers), repeats kept. */
    List<String> bigrams(String text) {
        return terms(bigrams, text);
    }

    Analyzer wordAnalyzer() {
        return words;
    }

    Analyzer bigramAnalyzer() {
        return bigrams;
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text == null ? "" : text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** The synonym sets, each entry cut by the same segmenter, so that a set of several words matches them in turn. */
    private static SynonymMap synonyms() {
        Analyzer plain = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new HMMChineseTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }
        };
        // expand=false: every term of a line is replaced by the line's first, at indexing and at searching alike.
        SolrSynonymParser parser = new SolrSynonymParser(true, false, plain);
        try (Reader rules =
                new InputStreamReader(new ClassPathResource(SYNONYMS).getInputStream(), StandardCharsets.UTF_8)) {
            parser.parse(rules);
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException(SYNONYMS + " line " + e.getErrorOffset() + ": " + e.getMessage(), e);
        }
    }
}
