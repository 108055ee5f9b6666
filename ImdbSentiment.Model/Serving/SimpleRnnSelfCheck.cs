using ImdbSentiment.Model.Export;
using ImdbSentiment.Model.Text;
using Microsoft.ML.OnnxRuntime;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// Decides at load whether a network runs on <see cref="SimpleRnnEvaluator"/>: only when its graph is the simple RNN
/// (<see cref="SimpleRnnGraph"/>), every id the featurizer gives is a row of its lookup, and on probe rows (all padding,
/// all out-of-vocabulary, the last id, and seeded random ids behind random amounts of padding) the evaluator gives
/// onnxruntime's logit and probability bit for bit. On any other CPU or onnxruntime whose kernels round differently,
/// the check fails and the session keeps scoring.
/// </summary>
internal static class SimpleRnnSelfCheck
{
    private const int ProbeCount = 64;

    private const int Seed = 20261201;

    /// <summary>
    /// The evaluator <paramref name="create"/> makes for a simple RNN's graph whose lookup has a row for every id the
    /// featurizer gives, not yet checked; null for any other graph. It has scored one row, so its step is compiled.
    /// </summary>
    public static SimpleRnnEvaluator? TryPrepare(byte[] graphBytes, FeaturizerState featurizer, Func<SimpleRnnGraph, SimpleRnnEvaluator> create)
    {
        try
        {
            if (SimpleRnnGraph.TryRead(graphBytes) is not { } graph || featurizer.Words.Count + Vocabulary.ReservedIds > graph.VocabularySize)
                return null;
            var evaluator = create(graph);
            evaluator.Logit(new long[featurizer.MaxLength]);
            return evaluator;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The evaluator only saves time: a graph it cannot be built for (an odd attribute, a table too large) is
            // scored by the session, which reads the same bytes and reports their faults itself.
            return null;
        }
    }

    /// <summary>Whether the evaluator gives the session's logit and probability, bit for bit, on every probe row of <paramref name="length"/> ids.</summary>
    public static bool GivesTheSessionsBits(SimpleRnnEvaluator evaluator, InferenceSession session, int length)
    {
        try
        {
            return Mismatches(evaluator, session, Probes(evaluator.VocabularySize, length)) == 0;
        }
        catch (OnnxRuntimeException)
        {
            return false;
        }
    }

    /// <summary>How many of <paramref name="rows"/> get a logit or a probability from the evaluator that differs in any bit from the session's.</summary>
    public static int Mismatches(SimpleRnnEvaluator evaluator, InferenceSession session, IEnumerable<long[]> rows)
    {
        var mismatches = 0;
        using var runOptions = new RunOptions();
        foreach (var row in rows)
        {
            using var input = OrtValue.CreateTensorValueFromMemory(row, [1, row.Length]);
            using var outputs = session.Run(runOptions, [NetworkGraphNames.TokenIdsInput], [input],
                [NetworkGraphNames.LogitOutput, NetworkGraphNames.ProbabilityOutput]);
            var logit = evaluator.Logit(row);
            var probability = SimpleRnnEvaluator.Probability(logit);
            if (!SameBits(logit, outputs[0].GetTensorDataAsSpan<float>()[0]) || !SameBits(probability, outputs[1].GetTensorDataAsSpan<float>()[0]))
                mismatches++;
        }
        return mismatches;
    }

    public static long[][] Probes(int vocabularySize, int length)
    {
        var random = new Random(Seed);
        var probes = new long[ProbeCount][];
        for (var p = 0; p < ProbeCount; p++)
        {
            var row = new long[length];
            var padding = p < 3 ? 0 : random.Next(length);
            for (var t = padding; t < length; t++)
            {
                row[t] = p switch
                {
                    0 => Vocabulary.PaddingId,
                    1 => Vocabulary.OutOfVocabularyId,
                    2 => vocabularySize - 1,
                    _ => random.Next(vocabularySize),
                };
            }
            probes[p] = row;
        }
        return probes;
    }

    private static bool SameBits(float a, float b) => BitConverter.SingleToInt32Bits(a) == BitConverter.SingleToInt32Bits(b);
}
