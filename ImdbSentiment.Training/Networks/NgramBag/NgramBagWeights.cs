
namespace ImdbSentiment.Training.Networks;

/// <summary>A trained n-gram bag as plain arrays: each n-gram id's effective weight [n-gram vocabulary] (0 for the padding id) and the bias [1].</summary>
internal sealed record NgramBagWeights(float[] Weights, float[] Bias);
