import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireAuth } from './RequireAuth';
import { Layout } from './Layout';

// Every page is its own chunk, so the first page loads only the shell and itself.
const HomePage = lazy(() => import('../features/feed/HomePage'));
const TagPage = lazy(() => import('../features/feed/TagPage'));
const LoginPage = lazy(() => import('../auth/LoginPage'));
const SignupPage = lazy(() => import('../auth/SignupPage'));
const GoogleCallbackPage = lazy(() => import('../auth/GoogleCallbackPage'));
const ComposePage = lazy(() => import('../features/compose/ComposePage'));
const PostPage = lazy(() => import('../features/posts/PostPage'));
const ProfilePage = lazy(() => import('../features/profile/ProfilePage'));
const MarketPage = lazy(() => import('../features/products/MarketPage'));
const ProductPage = lazy(() => import('../features/products/ProductPage'));
const ProductFormPage = lazy(() => import('../features/products/ProductFormPage'));
const ProfileEditPage = lazy(() => import('../features/profile/ProfileEditPage'));
const SearchPage = lazy(() => import('../features/search/SearchPage'));
const ChatListPage = lazy(() => import('../features/chat/ChatListPage'));
const ChatRoomPage = lazy(() => import('../features/chat/ChatRoomPage'));
const AdminReportsPage = lazy(() => import('../features/admin/AdminReportsPage'));
const AdminReportPage = lazy(() => import('../features/admin/AdminReportPage'));
const AdminStatsPage = lazy(() => import('../features/admin/AdminStatsPage'));
const NotFoundPage = lazy(() => import('./NotFoundPage'));

// Client routes never equal an Api route (e.g. products live at /market, not /products; chat at /messages, not /chats), because a
// page load of an Api path is answered by the Api; see the Api's WebClient fallback.
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/signup', element: <SignupPage /> },
      { path: '/auth/google/callback', element: <GoogleCallbackPage /> },
      { path: '/compose', element: <RequireAuth><ComposePage /></RequireAuth> },
      { path: '/posts/:uuid', element: <PostPage /> },
      { path: '/tags/:tag', element: <TagPage /> },
      { path: '/users/:handle', element: <ProfilePage /> },
      { path: '/market', element: <MarketPage /> },
      { path: '/market/:uuid', element: <ProductPage /> },
      { path: '/market/new', element: <RequireAuth><ProductFormPage /></RequireAuth> },
      { path: '/market/:uuid/edit', element: <RequireAuth><ProductFormPage /></RequireAuth> },
      { path: '/settings/profile', element: <RequireAuth><ProfileEditPage /></RequireAuth> },
      { path: '/search', element: <SearchPage /> },
      { path: '/messages', element: <RequireAuth><ChatListPage /></RequireAuth> },
      { path: '/messages/:uuid', element: <RequireAuth><ChatRoomPage /></RequireAuth> },
      { path: '/admin', element: <AdminReportsPage /> },
      { path: '/admin/reports/:uuid', element: <AdminReportPage /> },
      { path: '/admin/stats', element: <AdminStatsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
