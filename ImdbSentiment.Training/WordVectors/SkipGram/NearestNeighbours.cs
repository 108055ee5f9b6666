using System.Numerics.Tensors;

namespace ImdbSentiment.Training.WordVectors.SkipGram;

/// <summary>The words whose vectors are closest to a word's by cosine similarity: the usual sanity check of word vectors.</summary>
public sealed class NearestNeighbours
{
    private readonly IReadOnlyList<string> _words;
    private readonly Dictionary<string, int> _indices;
    private readonly float[] _unit;
    private readonly int _dimensions;

    public NearestNeighbours(IReadOnlyList<string> words, ReadOnlySpan<float> vectors, int dimensions)
    {
        _words = words;
        _dimensions = dimensions;
        _indices = words.Select((word, index) => (word, index)).ToDictionary(entry => entry.word, entry => entry.index, StringComparer.Ordinal);
        _unit = vectors.ToArray();
        for (var word = 0; word < words.Count; word++)
        {
            var row = _unit.AsSpan(word * dimensions, dimensions);
            var norm = TensorPrimitives.Norm<float>(row);
            if (norm > 0)
                TensorPrimitives.Divide(row, norm, row);
        }
    }

    /// <summary>The <paramref name="count"/> other words most similar to <paramref name="word"/>, most similar first; null when it has no vector.</summary>
    public IReadOnlyList<(string Word, float Cosine)>? Of(string word, int count)
    {
        if (!_indices.TryGetValue(word, out var index))
            return null;
        var query = _unit.AsSpan(index * _dimensions, _dimensions);
        var similarities = new float[_words.Count];
        for (var other = 0; other < _words.Count; other++)
            similarities[other] = TensorPrimitives.Dot<float>(query, _unit.AsSpan(other * _dimensions, _dimensions));
        return [.. Enumerable.Range(0, _words.Count).Where(other => other != index)
            .OrderByDescending(other => similarities[other]).ThenBy(other => other)
            .Take(count).Select(other => (_words[other], similarities[other]))];
    }
}
