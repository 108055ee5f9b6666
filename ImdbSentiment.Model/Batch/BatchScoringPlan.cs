using ImdbSentiment.Model.IO;

namespace ImdbSentiment.Model.Batch;

/// <summary>One input of a batch run and the output it is scored into: the output folder's file of the same name.</summary>
/// <param name="Complete">
/// The output exists and is not empty, so it is complete: outputs are only ever written through a temporary file
/// renamed over the target (<see cref="AtomicFile"/>), so a file by the output's name is a finished one, never a killed
/// run's half. An empty file is scored again: the output of an input with any line is never empty, so an empty one was
/// made by something else (a touch, a full disk), and scoring an empty input again costs nothing.
/// </param>
internal sealed record BatchItem(string Input, string Output, bool Complete);

/// <summary>
/// What one shard of a batch run does: its share of the inputs (<see cref="Shard.Takes"/>), in file-name order, each
/// with its output and whether that output is already complete (a rerun after a crash skips those, so it resumes).
/// </summary>
internal sealed class BatchScoringPlan
{
    private BatchScoringPlan(int inputCount, Shard shard, IReadOnlyList<BatchItem> items)
    {
        InputCount = inputCount;
        Shard = shard;
        Items = items;
    }

    /// <summary>All the inputs, of every shard.</summary>
    public int InputCount { get; }

    public Shard Shard { get; }

    /// <summary>This shard's inputs.</summary>
    public IReadOnlyList<BatchItem> Items { get; }

    public IEnumerable<BatchItem> Pending => Items.Where(item => !item.Complete);

    /// <summary>Whether an output is complete (see <see cref="BatchItem.Complete"/>): asked again once its claim is held, since another run may have finished it.</summary>
    public static bool IsComplete(string output) => new FileInfo(output) is { Exists: true, Length: > 0 };

    /// <param name="inputs">From <see cref="ScoringInputs.Resolve"/>: full paths with distinct file names.</param>
    /// <exception cref="ArgumentException">The output folder is a file, or an input's folder (the output would replace it).</exception>
    public static BatchScoringPlan Create(IReadOnlyList<string> inputs, string outputFolder, Shard shard)
    {
        if (File.Exists(outputFolder))
            throw new ArgumentException($"the output folder {outputFolder} is a file: expected a folder to write one output per input into");
        var items = new List<BatchItem>();
        foreach (var input in inputs)
        {
            var output = Path.GetFullPath(Path.Combine(outputFolder, Path.GetFileName(input)));
            if (CanonicalPath.SameFile(input, output))
            {
                throw new ArgumentException(
                    $"the output folder {outputFolder} holds the input {input}: its output, of the same name, would replace the reviews; write the outputs to another folder");
            }
            if (shard.Takes(Path.GetFileName(input)))
                items.Add(new BatchItem(input, output, IsComplete(output)));
        }
        return new BatchScoringPlan(inputs.Count, shard, items);
    }
}
