namespace ImdbSentiment.Model.Data;

/// <summary>Reads back the text a caller already took from the start of a reader, then reads on in that reader. Owns the reader.</summary>
internal sealed class ReplayingTextReader(string start, TextReader rest) : TextReader
{
    private int _replayed;

    public override int Peek() => _replayed < start.Length ? start[_replayed] : rest.Peek();

    public override int Read() => _replayed < start.Length ? start[_replayed++] : rest.Read();

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (_replayed == start.Length)
            return rest.Read(buffer);
        var length = Math.Min(buffer.Length, start.Length - _replayed);
        start.AsSpan(_replayed, length).CopyTo(buffer);
        _replayed += length;
        return length;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            rest.Dispose();
        base.Dispose(disposing);
    }
}
