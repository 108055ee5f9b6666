using System.CommandLine;
using System.Globalization;
using ImdbSentiment.Model;
using ImdbSentiment.Trainer.Output;
using ImdbSentiment.Trainer.Reports;
using ImdbSentiment.Training.WordVectors;
using ImdbSentiment.Training.WordVectors.SkipGram;
using Spectre.Console;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>
/// vectors: train word vectors on reviews with skip-gram and negative sampling (<see cref="SkipGramTrainer"/>) and
/// write them as a .vec file for train --word-vectors, with FILE.vec.json beside it saying how they were made. Words
/// are the featurizer's tokens, so they match its vocabulary. Ctrl-C stops at once and writes nothing.
/// </summary>
internal static class VectorsCommand
{
    private const int NeighbourCount = 10;

    public static Command Create(IAnsiConsole console)
    {
        var flags = new VectorsFlags();
        var command = flags.CreateCommand();
        command.SetAction((parse, cancellation) => CommandFailure.Guard(() => Task.FromResult(Run(flags, parse, console, cancellation))));
        return command;
    }

    private static int Run(VectorsFlags flags, ParseResult parse, IAnsiConsole console, CancellationToken cancellation)
    {
        var options = flags.Options(parse);
        options.Validate();
        var output = Path.GetFullPath(parse.GetValue(flags.Output)!);
        if (File.Exists(output) && !parse.GetValue(flags.Force))
            throw new UsageException($"--output {output} exists already: pass --force to replace it, or name another file.");
        OutputPaths.RequireWritableFile(output, "vectors.vec");
        var log = Console.Out;

        var dataset = parse.GetValue(flags.Data.Dataset)!;
        var source = VectorsCorpus.Read(dataset, parse.GetValue(flags.Unlabelled), parse.GetValue(flags.DevTest), flags.Data.DelimitedOptions(parse), log);
        var corpus = SkipGramCorpus.Build(source.Texts, options.MinCount);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Corpus: {source.Description}; {corpus.TokensRead:N0} tokens, {Plural.Of(corpus.Words.Count, "word")} seen at least {options.MinCount} times ({corpus.Tokens.Length:N0} of the tokens)."));

        SkipGramVectors vectors;
        using (var interrupt = new InterruptSignal(cancellation))
            vectors = SkipGramProgressDisplay.Run(console, log, report => SkipGramTrainer.Train(corpus, options, report, interrupt.Token));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Trained {Plural.Of(vectors.Words.Count, "vector")} of {options.Dimensions} dimensions in {vectors.Elapsed.TotalSeconds:F1} s ({Plural.Of(options.Epochs, "epoch")}, {vectors.TokensProcessed / vectors.Elapsed.TotalSeconds:N0} tokens/s on {Plural.Of(options.Threads, "thread")})."));

        WordVectorWriter.Write(output, vectors.Words, vectors.Vectors, vectors.Dimensions);
        new WordVectorProvenance(
            source.Description, source.Texts.Count, corpus.TokensRead, vectors.Words.Count, WordVectorProvenance.SkipGramMethod, options,
            Math.Round(vectors.Elapsed.TotalSeconds, 1), CommandLineText.Format(Environment.GetCommandLineArgs(), Environment.CurrentDirectory)).WriteBeside(output);
        log.WriteLine($"Wrote {output} and {Path.GetFileName(WordVectorProvenance.PathBeside(output))} beside it.");
        PrintNeighbours(log, new NearestNeighbours(vectors.Words, vectors.Vectors, vectors.Dimensions), flags.NeighbourWords(parse));
        return ExitCodes.Success;
    }

    private static void PrintNeighbours(TextWriter log, NearestNeighbours neighbours, IReadOnlyList<string> words)
    {
        foreach (var word in words)
        {
            var nearest = neighbours.Of(word.ToLowerInvariant(), NeighbourCount);
            log.WriteLine(nearest is null
                ? $"Nearest to {word}: (no vector: seen fewer than --min-count times)"
                : $"Nearest to {word}: {string.Join(", ", nearest.Select(entry => string.Create(CultureInfo.InvariantCulture, $"{entry.Word} {entry.Cosine:F3}")))}");
        }
    }
}
