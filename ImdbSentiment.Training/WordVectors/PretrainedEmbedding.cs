using ImdbSentiment.Model;
using ImdbSentiment.Model.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using TorchSharp.Modules;
using static ImdbSentiment.Training.TensorSpans;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.WordVectors;

/// <summary>
/// The embedding rows word vectors give the featurizer's vocabulary, read once per training run and copied into every
/// network it builds (initialisation trials, the run, the refit).
/// </summary>
internal sealed class PretrainedEmbedding
{
    private readonly MatchedWordVectors _vectors;

    private PretrainedEmbedding(MatchedWordVectors vectors, WordVectorCoverage coverage)
    {
        _vectors = vectors;
        Coverage = coverage;
    }

    public WordVectorCoverage Coverage { get; }

    /// <summary>The vectors of the network settings' <see cref="NetworkSettings.WordVectors"/> for the vocabulary of a featurized view; null when it names none.</summary>
    public static PretrainedEmbedding? Load(NetworkSettings network, DataViewSchema featurized, CancellationToken cancellation)
    {
        if (network.WordVectors is not { } settings)
            return null;
        var header = WordVectorReader.ReadHeader(settings.Path);
        if (header.Dimensions != network.EmbeddingSize)
            throw new ArgumentException(
                $"{settings.Path} holds vectors of {header.Dimensions} dimensions, but EmbeddingSize is {network.EmbeddingSize}: they must be equal (NetworkSettings.WithWordVectors sets it from the file).",
                nameof(NetworkSettings.EmbeddingSize));
        var words = VocabularyWords(featurized);
        var vectors = WordVectorReader.Read(settings.Path, words, cancellation);
        return new PretrainedEmbedding(vectors, new WordVectorCoverage(
            settings.Path, header.Dimensions, header.Count, words.Count, vectors.FoundCount, vectors.CaseVariantsSkipped, settings.FrozenEpochs,
            WordVectorProvenance.ReadBeside(settings.Path)));
    }

    /// <summary>Overwrites the rows of the vocabulary words the file has (word i is token id i + 3); the other rows keep their values.</summary>
    public void CopyInto(Parameter table)
    {
        using var _ = no_grad();
        var width = _vectors.Header.Dimensions;
        if (table.shape[1] != width || table.shape[0] < _vectors.Found.Length + Vocabulary.ReservedIds)
            throw new ArgumentException($"The embedding table [{table.shape[0]}, {table.shape[1]}] cannot take {_vectors.Found.Length} words' vectors of {width} dimensions.", nameof(table));
        var rows = Floats(table);
        for (var word = 0; word < _vectors.Found.Length; word++)
        {
            if (_vectors.Found[word])
                _vectors.Vector(word).CopyTo(rows.Slice((word + Vocabulary.ReservedIds) * width, width));
        }
    }

    /// <summary>The featurizer's words in id order (the token keys' values: key k is token id k + 2).</summary>
    private static IReadOnlyList<string> VocabularyWords(DataViewSchema featurized)
    {
        var keys = default(VBuffer<ReadOnlyMemory<char>>);
        featurized[ColumnNames.TokenKeys].GetKeyValues(ref keys);
        return [.. keys.DenseValues().Select(word => word.ToString())];
    }
}
