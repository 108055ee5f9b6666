using System.CommandLine;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Training.WordVectors.SkipGram;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>The vectors command's flags: the corpus (train's data flags), the output, and word2vec's settings with its defaults.</summary>
internal sealed class VectorsFlags
{
    private static readonly SkipGramOptions Defaults = new();

    public DataFlags Data { get; } = new(datasetRequired: true);

    public Option<bool> Unlabelled { get; } = new("--unlabelled") { Description = "Also read the aclImdb data set's 50,000 unlabelled reviews (train/unsup/)." };

    public Option<bool> DevTest { get; } = new("--dev-test")
    {
        Description = "Leave out the development-test reviews that train --dev-test holds out, so vectors for a dev-test figure never read them.",
    };

    public Option<string> Output { get; } = new("--output") { Description = "The .vec file to write (fastText / word2vec text format); FILE.json beside it says how it was made.", Required = true };

    public Option<bool> Force { get; } = new("--force") { Description = "Replace an existing --output." };

    public Option<int> Dimensions { get; } = new("--dimensions") { Description = $"Values per word vector [{Defaults.Dimensions}].", DefaultValueFactory = _ => Defaults.Dimensions };

    public Option<int> Epochs { get; } = new("--epochs") { Description = $"Passes over the corpus [{Defaults.Epochs}].", DefaultValueFactory = _ => Defaults.Epochs };

    public Option<int> Window { get; } = new("--window") { Description = $"The widest context, in words on each side [{Defaults.Window}].", DefaultValueFactory = _ => Defaults.Window };

    public Option<int> Negative { get; } = new("--negative") { Description = $"Negative samples per context word [{Defaults.NegativeSamples}].", DefaultValueFactory = _ => Defaults.NegativeSamples };

    public Option<int> MinCount { get; } = new("--min-count") { Description = $"Words seen fewer times get no vector [{Defaults.MinCount}].", DefaultValueFactory = _ => Defaults.MinCount };

    public Option<double> Subsample { get; } = new("--subsample") { Description = $"word2vec's frequent-word subsampling threshold; 0 keeps every word [{Defaults.SubsamplingThreshold}].", DefaultValueFactory = _ => Defaults.SubsamplingThreshold };

    public Option<double> LearningRate { get; } = new("--learning-rate") { Description = $"The starting learning rate, falling linearly to 1/10,000 of it [{Defaults.LearningRate}].", DefaultValueFactory = _ => Defaults.LearningRate };

    public Option<int> Seed { get; } = new("--seed") { Description = $"Seeds the initial vectors and every draw; a run is reproducible with --threads 1 [{Defaults.Seed}].", DefaultValueFactory = _ => Defaults.Seed };

    public Option<int> Threads { get; } = new("--threads") { Description = "Training threads, updating the shared vectors without locks as word2vec's do [the machine's cores].", DefaultValueFactory = _ => Environment.ProcessorCount };

    public Option<string> Neighbours { get; } = new("--neighbours")
    {
        Description = "Comma-separated words whose nearest neighbours (cosine) are printed after training, as a sanity check; empty for none [excellent,awful,boring].",
        DefaultValueFactory = _ => "excellent,awful,boring",
    };

    public Command CreateCommand()
    {
        var command = new Command("vectors", "Train word vectors on reviews (skip-gram with negative sampling, word2vec's method) for train --word-vectors.");
        Data.AddTo(command);
        foreach (var option in new Option[] { Unlabelled, DevTest, Output, Force, Dimensions, Epochs, Window, Negative, MinCount, Subsample, LearningRate, Seed, Threads, Neighbours })
            command.Options.Add(option);
        command.Validators.Add(result =>
        {
            if (result.GetValue(Unlabelled) && result.GetValue(Data.Dataset) is { } dataset && !AclImdbReader.IsAclImdb(dataset))
                result.AddError($"--unlabelled reads the unlabelled reviews of an aclImdb folder or archive (train/unsup/), but --dataset {dataset} is a file.");
        });
        return command;
    }

    public SkipGramOptions Options(ParseResult parse) => new()
    {
        Dimensions = parse.GetValue(Dimensions),
        Epochs = parse.GetValue(Epochs),
        Window = parse.GetValue(Window),
        NegativeSamples = parse.GetValue(Negative),
        MinCount = parse.GetValue(MinCount),
        SubsamplingThreshold = parse.GetValue(Subsample),
        LearningRate = parse.GetValue(LearningRate),
        Seed = parse.GetValue(Seed),
        Threads = parse.GetValue(Threads),
    };

    public IReadOnlyList<string> NeighbourWords(ParseResult parse) =>
        parse.GetValue(Neighbours)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
