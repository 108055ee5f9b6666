
namespace ImdbSentiment.Training.Networks;

/// <summary>
/// A trained network's weights as plain arrays in torch's layouts, so that the ONNX export needs no TorchSharp:
/// lookup [vocabulary, width], input weights [units, width], recurrent weights [units, units], the two biases [units],
/// dense weights [1, units] and dense bias [1].
/// </summary>
internal sealed record SimpleRnnWeights(
    int VocabularySize, int LookupWidth, int Units,
    float[] Lookup, float[] InputWeights, float[] RecurrentWeights,
    float[] InputBias, float[] RecurrentBias, float[] DenseWeights, float[] DenseBias)
{
    public static SimpleRnnWeights Zeros(int vocabularySize, int lookupWidth, int units) =>
        new(vocabularySize, lookupWidth, units,
            new float[vocabularySize * lookupWidth], new float[units * lookupWidth], new float[units * units],
            new float[units], new float[units], new float[units], new float[1]);
}
