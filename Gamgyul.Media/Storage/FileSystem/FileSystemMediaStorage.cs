using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Gamgyul.Media.Storage.FileSystem;

/// <summary>
/// Objects as files under one root folder (local mode). The Api itself plays the storage server: it
/// receives the signed upload form at <see cref="UploadPath"/> and serves variants at <see cref="FilesPath"/>
/// through signed URLs. Keys map to paths only after <see cref="MediaKeys.IsValid"/>, whose pattern has
/// no room for <c>..</c>, a leading slash or a backslash.
/// </summary>
public sealed class FileSystemMediaStorage : IMediaStorage
{
    public const string UploadPath = "/media/upload/";
    public const string FilesPath = "/media/files/";
    private const string KeyFileName = ".signing-key";

    private readonly string _root;
    private readonly Lazy<UploadSigner> _signer;
    private readonly TimeProvider _clock;

    public FileSystemMediaStorage(string root, string? signingKey, TimeProvider clock)
    {
        _root = Path.GetFullPath(root);
        _clock = clock;
        _signer = new Lazy<UploadSigner>(() => new UploadSigner(LoadKey(signingKey)));
    }

    public UploadSigner Signer => _signer.Value;

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_root);
        _ = _signer.Value;
        return Task.CompletedTask;
    }

    public Task<UploadForm> CreateUploadFormAsync(UploadPolicy policy, CancellationToken cancellationToken)
    {
        var (document, signature) = Signer.Sign(policy);
        var fields = new Dictionary<string, string>
        {
            [UploadSigner.KeyField] = policy.Key,
            [UploadSigner.ContentTypeField] = policy.ContentType,
            [UploadSigner.PolicyField] = document,
            [UploadSigner.SignatureField] = signature,
        };
        return Task.FromResult(new UploadForm(UploadPath, fields, policy.ExpiresAt));
    }

    public Task<long?> GetSizeAsync(string key, CancellationToken cancellationToken)
    {
        var file = new FileInfo(PathOf(key));
        return Task.FromResult(file.Exists ? file.Length : (long?)null);
    }

    public async Task DownloadAsync(string key, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        await using var source = File.OpenRead(PathOf(key));
        if (source.Length > maxBytes)
        {
            throw new InvalidDataException($"The object is {source.Length} bytes; at most {maxBytes} are read.");
        }

        await source.CopyToAsync(destination, cancellationToken);
    }

    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        var temporary = TemporaryPathBeside(path);
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Stores an upload from a stream, refusing it (and keeping nothing) beyond <paramref name="maxBytes"/>.</summary>
    /// <returns>The number of bytes stored, or -1 when the stream was longer than allowed.</returns>
    public async Task<long> ReceiveAsync(string key, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        var temporary = TemporaryPathBeside(path);
        try
        {
            long total = 0;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                    if (total > maxBytes)
                    {
                        return -1;
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            File.Move(temporary, path, overwrite: true);
            return total;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    public Task<string> GetReadUrlAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        _ = PathOf(key);
        var expires = _clock.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var url = string.Create(CultureInfo.InvariantCulture,
            $"{FilesPath}{key}?expires={expires}&signature={Signer.SignRead(key, expires)}");
        return Task.FromResult(url);
    }

    /// <summary>The file of a variant for a signed read, or null when the signature, expiry or key is wrong.</summary>
    public FileInfo? OpenSigned(string key, long expiresUnixSeconds, string? signature)
    {
        if (!MediaKeys.IsValid(key) || expiresUnixSeconds < _clock.GetUtcNow().ToUnixTimeSeconds()
            || !Signer.VerifyRead(key, expiresUnixSeconds, signature))
        {
            return null;
        }

        var file = new FileInfo(PathOf(key));
        return file.Exists ? file : null;
    }

    private string PathOf(string key)
    {
        if (!MediaKeys.IsValid(key))
        {
            throw new ArgumentException($"'{key}' is not a media storage key.", nameof(key));
        }

        var path = Path.GetFullPath(Path.Join(_root, key));
        // Belt and braces: the key pattern already makes this impossible.
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{key}' leaves the storage folder.", nameof(key));
        }

        return path;
    }

    private static string TemporaryPathBeside(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return $"{path}.{Guid.NewGuid():N}.partial";
    }

    private byte[] LoadKey(string? configured)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return configured.Length >= 32
                ? Encoding.UTF8.GetBytes(configured)
                : throw new InvalidOperationException("Storage:FileSystem:SigningKey must be at least 32 characters.");
        }

        Directory.CreateDirectory(_root);
        var keyFile = Path.Combine(_root, KeyFileName);
        if (!File.Exists(keyFile))
        {
            var temporary = keyFile + "." + Guid.NewGuid().ToString("N");
            File.WriteAllText(temporary, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            try
            {
                // Two processes starting together: the first key written wins, the other is discarded.
                File.Move(temporary, keyFile, overwrite: false);
            }
            catch (IOException)
            {
                File.Delete(temporary);
            }
        }

        return Convert.FromBase64String(File.ReadAllText(keyFile).Trim());
    }
}
