using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;
using Microsoft.ML;

namespace ImdbSentiment.Training;

/// <summary>What <see cref="SentimentNetworkTrainer.Train"/> returns: the saveable transformer, the TorchSharp network and the run.</summary>
public sealed record TrainedSentimentModel(ITransformer Transformer, SentimentNetworkBase Network, TrainingResult Result);
