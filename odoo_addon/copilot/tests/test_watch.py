# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import threading
from unittest.mock import patch

from odoo.tests import TransactionCase, tagged

from .common import CopilotCommon


@tagged('post_install', '-at_install')
class TestCopilotWatch(CopilotCommon, TransactionCase):
    """Changes of the records the copilot caches or shows are queued for after the commit."""

    def test_task_change_is_queued_for_the_bus_and_the_cache(self):
        if 'project.project' not in self.env:
            self.skipTest('project is not installed')
        project = self.env['project.project'].create({'name': 'Copilot watched project'})
        task = self.env['project.task'].create({'name': 'Watched task', 'project_id': project.id})
        pending = self.env.cr.precommit.data['copilot.changed']
        self.assertIn(project.id, pending['project.project']['ids'])
        self.assertIn(task.id, pending['project.task']['ids'])
        self.assertIn(self.env.user.partner_id.id, pending['project.task']['partners'])

    def test_webhook_is_signed_and_sent_after_commit_only_for_cached_models(self):
        if 'project.project' not in self.env:
            self.skipTest('project is not installed')
        precommit, postcommit = self.env.cr.precommit, self.env.cr.postcommit
        before_pre, before_post = len(precommit._funcs), len(postcommit._funcs)
        # a live-only model first, then a cached one: the webhook names every cached model
        # the transaction changed, not only those of its first change
        project = self.env['project.project'].create({'name': 'Copilot watched project'})
        self.env['project.task'].create({'name': 'Watched task', 'project_id': project.id})
        self.env['project.task.type'].create({'name': 'Copilot watched stage'})
        sent = []
        with patch('odoo.addons.copilot.models.copilot_agent.requests.post', side_effect=lambda url, **kw: sent.append((url, kw))):
            prepares = [f for f in list(precommit._funcs)[before_pre:] if f.__qualname__.endswith('prepare')]
            self.assertEqual(len(prepares), 1)
            precommit._funcs.remove(prepares[0])
            prepares[0]()
            self.assertEqual(sent, [])  # nothing before the commit
            for send in list(postcommit._funcs)[before_post:]:
                postcommit._funcs.remove(send)
                # sent from a thread: the user's request does not wait for the agent
                send().join(5)
        self.assertEqual(len(sent), 1)
        url, kwargs = sent[0]
        self.assertTrue(url.endswith('/v1/webhooks/odoo'))
        self.assertIn(b'"models":["project.project","project.task.type"]', kwargs['data'])
        self.assertTrue(kwargs['headers']['X-Copilot-Signature'].startswith('sha256='))
        self.assertEqual(kwargs['timeout'], 2)

    def test_unwatched_models_queue_nothing(self):
        self.env['res.partner'].create({'name': 'Not watched'})
        self.assertNotIn('copilot.changed', self.env.cr.precommit.data)

    def test_the_writing_request_does_not_wait_for_the_agent(self):
        if 'project.task.type' not in self.env:
            self.skipTest('project is not installed')
        precommit, postcommit = self.env.cr.precommit, self.env.cr.postcommit
        before_pre, before_post = len(precommit._funcs), len(postcommit._funcs)
        self.env['project.task.type'].create({'name': 'Copilot stage, agent down'})
        agent_answers = threading.Event()

        def hanging_post(url, **kwargs):
            # an agent that does not answer (down, or behind a dead proxy) until told to
            agent_answers.wait(10)

        with patch('odoo.addons.copilot.models.copilot_agent.requests.post', side_effect=hanging_post):
            for prepare in [f for f in list(precommit._funcs)[before_pre:] if f.__qualname__.endswith('prepare')]:
                precommit._funcs.remove(prepare)
                prepare()
            threads = []
            for send in list(postcommit._funcs)[before_post:]:
                postcommit._funcs.remove(send)
                threads.append(send())
            # the hooks returned while the agent still has not answered
            self.assertTrue(threads and all(thread.is_alive() for thread in threads))
            agent_answers.set()
            for thread in threads:
                thread.join(5)
        self.assertFalse(any(thread.is_alive() for thread in threads))
