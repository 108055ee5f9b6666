using System.Text;
using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Tests.Data;

[TestClass]
public sealed class ByteKeepingRoundTripTests
{
    [TestMethod]
    [DataRow(1)]
    [DataRow(7)]
    [DataRow(4096)]
    public void ReadingAndWritingAgain_GivesTheSameBytes_ValidOrNot_AcrossBufferEdges(int readSize)
    {
        var random = new Random(readSize);
        var bytes = new List<byte>();
        while (bytes.Count < 200_000)
        {
            bytes.AddRange(random.Next(4) switch
            {
                0 => Encoding.UTF8.GetBytes("plain text, "),
                1 => Encoding.UTF8.GetBytes("Amélie ★ 💀 "),
                2 => [(byte)random.Next(0x80, 0x100)],
                _ => [0xE2, 0x82],
            });
        }
        var input = bytes.ToArray();

        using var reader = new ByteKeepingUtf8Reader(new MemoryStream(input));
        var output = new MemoryStream();
        using (var writer = new ByteRestoringWriter(output))
        {
            var chars = new char[readSize];
            for (var count = reader.Read(chars, 0, readSize); count > 0; count = reader.Read(chars, 0, readSize))
                writer.Write(chars, 0, count);
        }

        CollectionAssert.AreEqual(input, output.ToArray());
    }

    [TestMethod]
    public void AnEscapedByte_ReachesTheModelAsTheReplacementCharacter_ButAPairStaysWhole()
    {
        using var reader = new ByteKeepingUtf8Reader(new MemoryStream([.. Encoding.UTF8.GetBytes("caf"), 0xE9, .. Encoding.UTF8.GetBytes(" 💀")]));
        var text = reader.ReadToEnd();

        Assert.AreEqual("caf\uFFFD 💀", EscapedBytes.Replaced(text));
    }
}
