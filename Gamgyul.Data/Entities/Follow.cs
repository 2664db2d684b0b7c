namespace Gamgyul.Data.Entities;

/// <summary><see cref="FollowerId"/> follows <see cref="FolloweeId"/>.</summary>
public class Follow
{
    public Guid FollowerId { get; set; }
    public Guid FolloweeId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public User? Follower { get; set; }
    public User? Followee { get; set; }
}
