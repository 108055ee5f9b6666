using System.Text;

namespace ImdbSentiment.Tests.Faults;

/// <summary>Issue 10, item 9: score passes the columns through byte for byte, even bytes that are not UTF-8.</summary>
[TestClass]
public sealed class EncodingFaultTests
{
    [TestMethod]
    public void Score_KeepsLatin1BytesAndUtf8Text_OfEveryColumn_AsTheyWere()
    {
        using var fault = new FaultCase();
        // Latin-1 bytes (0xE9 "é", 0xEF "ï", a lone 0xFF) among UTF-8 text, including a character outside the BMP.
        byte[][] rows =
        [
            Ascii("id,text,note"),
            [.. Ascii("1,a wonderful film,caf"), 0xE9],
            [.. Ascii("2,a na"), 0xEF, .. Ascii("ve and dull film,"), .. Encoding.UTF8.GetBytes("Amélie ★ 💀"), 0xFF],
        ];
        var input = fault.InputBytes("latin1.csv", [.. rows.SelectMany(row => (byte[])[.. row, (byte)'\n'])]);
        var output = fault.PathOf("scored.csv");

        var outcome = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", input, "--output", output);

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        var lines = Split(File.ReadAllBytes(output));
        Assert.HasCount(3, lines);
        CollectionAssert.AreEqual(Ascii("id,text,note,PredictedLabel,Probability"), lines[0]);
        for (var i = 1; i < rows.Length; i++)
            CollectionAssert.AreEqual(rows[i], lines[i][..rows[i].Length], $"row {i} comes out as its bytes went in");
        fault.AssertOnlyLeft(output);
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static List<byte[]> Split(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != '\n')
                continue;
            lines.Add(bytes[start..i]);
            start = i + 1;
        }
        return lines;
    }
}
