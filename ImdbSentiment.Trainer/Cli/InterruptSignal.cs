namespace ImdbSentiment.Trainer.Cli;

/// <summary>
/// The first Ctrl-C (SIGINT) cancels <see cref="Token"/> instead of ending the process, so that training can stop after
/// the current batch and still save the model, and scoring can stop without leaving a temporary file; a second Ctrl-C
/// ends the process as usual.
/// </summary>
internal sealed class InterruptSignal : IDisposable
{
    private readonly CancellationTokenSource _source;

    public InterruptSignal(CancellationToken outer)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        Console.CancelKeyPress += OnCancelKeyPress;
    }

    public CancellationToken Token => _source.Token;

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (_source.IsCancellationRequested)
            return;

        e.Cancel = true;
        Console.Error.WriteLine("Ctrl-C: stopping at the next safe point (press again to quit at once).");
        _source.Cancel();
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _source.Dispose();
    }
}
