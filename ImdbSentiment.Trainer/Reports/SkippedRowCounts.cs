namespace ImdbSentiment.Trainer.Reports;

/// <summary>Rows --skip-bad-rows skipped in each data set of a training run (a wrong field count, an unknown label, no words).</summary>
internal sealed record SkippedRowCounts(int Training, int Validation, int Test)
{
    public static SkippedRowCounts None { get; } = new(0, 0, 0);
}
