namespace ImdbSentiment.Model.Data;

/// <summary>
/// Reads back the bytes a caller already took from the start of a stream, then reads on in that stream: a file's
/// first bytes can be looked at without seeking, so pipes and other unseekable inputs work. Owns the stream.
/// </summary>
internal sealed class ReplayingStream(ReadOnlyMemory<byte> start, Stream rest) : Stream
{
    private ReadOnlyMemory<byte> _start = start;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_start.IsEmpty)
            return rest.Read(buffer);
        var length = Math.Min(buffer.Length, _start.Length);
        _start.Span[..length].CopyTo(buffer);
        _start = _start[length..];
        return length;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            rest.Dispose();
        base.Dispose(disposing);
    }
}
