using Microsoft.ML;

namespace ImdbSentiment.Model.Rnn;

/// <summary>What <see cref="RecurrentSentimentEstimator.Train"/> returns: the saveable transformer, the TorchSharp network and the run.</summary>
public sealed record TrainedSentimentModel(ITransformer Transformer, SentimentNetworkBase Network, TrainingResult Result);
