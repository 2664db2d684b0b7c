// The Api's JSON shapes (snake_case, as it sends them). Only the fields the client uses.

export interface Profile {
  bio: string;
  link_1: string;
  link_2: string;
  profile_image: string;
}

export interface UserSummary {
  handle: string;
  username: string;
  profile: Profile;
  follows_count: number;
  followers_count: number;
}

export interface Me extends UserSummary {
  email: string;
  roles: string[];
  /** True for admins (the moderators' role): shows the admin area. */
  is_staff: boolean;
}

export interface PublicUser extends UserSummary {
  /** The user's id: the target_id of a user report. */
  uuid: string;
  is_following: boolean;
  is_follower: boolean;
}

export interface Session {
  access: string;
  refresh: string;
  user: { handle: string; username: string; email: string; profile: Profile };
}

export interface Post {
  uuid: string;
  user: UserSummary;
  images: string[];
  text: string;
  tags: string[];
  views_count: number;
  likes_count: number;
  comments_count: number;
  created_at: string;
  is_liked: boolean;
}

export interface Comment {
  uuid: string;
  post: string;
  parent: string | null;
  content: string;
  user: UserSummary;
  likes_count: number;
  replies_count: number;
  is_liked: boolean;
  created_at: string;
}

export interface Product {
  uuid: string;
  user: UserSummary;
  name: string;
  description: string;
  price: number;
  currency: string;
  product_image_link: string;
  images: string[];
  product_link: string;
  created_at: string;
}

export interface FollowEntry {
  user?: UserSummary;
  follower?: UserSummary;
  created_at: string;
}

export type ReportTarget = 'user' | 'post' | 'comment' | 'reply' | 'product' | 'chat_message';
export type ReportReason = 'spam' | 'abuse' | 'adult' | 'fraud' | 'other';

/** RFC 9457 problem details; `errors` maps JSON field names to messages. */
export interface Problem {
  title?: string;
  detail?: string;
  status?: number;
  errors?: Record<string, string[]>;
}
